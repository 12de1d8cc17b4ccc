package dev.greenlight.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {

    @Test
    void allByDefault() {
        assertTrue(RuleSelection.all().test("GL006"));
    }

    @Test
    void mostSpecificSelectorWins() {
        RuleSelection selection = RuleSelection.of(List.of("GL006"), List.of("GL0"));
        assertTrue(selection.test("GL006"));
        assertFalse(selection.test("GL003"));
        RuleSelection ignoreWins = RuleSelection.of(List.of("GL"), List.of("GL006"));
        assertFalse(ignoreWins.test("GL006"));
        assertTrue(ignoreWins.test("GL003"));
    }

    @Test
    void ignoreWinsAtEqualSpecificity() {
        assertFalse(RuleSelection.of(List.of("GL006"), List.of("gl006")).test("GL006"));
    }

    @Test
    void notSelectedIsOff() {
        assertFalse(RuleSelection.of(List.of("GL1"), List.of()).test("GL006"));
    }

    @Test
    void syntaxErrorsAreAlwaysOn() {
        assertTrue(RuleSelection.of(List.of("GL006"), List.of("ALL")).test("GL000"));
    }

    @Test
    void perFileIgnoresAddToIgnore() {
        assertFalse(RuleSelection.all().ignoring(List.of("GL006")).test("GL006"));
    }

    @Test
    void unknownSelectorsAreNamed() {
        assertEquals(List.of("GL999", "XYZ"), RuleSelection.unknown(List.of("GL", "GL006", "ALL", "gl999", "xyz")));
    }
}
