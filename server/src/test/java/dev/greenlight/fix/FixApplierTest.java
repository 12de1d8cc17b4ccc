package dev.greenlight.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixApplierTest {

    @Test
    void appliesEditsFromAnyOrder() {
        Fix first = Fix.safe("a", TextEdit.insert(0, "async "));
        Fix second = Fix.safe("b", TextEdit.replace(11, 14, "ZZZ"));
        FixApplier.Result result = FixApplier.apply("def f():\n  abc\n", List.of(second, first));
        assertEquals("async def f():\n  ZZZ\n", result.text());
        assertEquals(2, result.applied().size());
    }

    @Test
    void identicalFixesCountAsAppliedOnce() {
        Fix one = Fix.safe("Make `f` an `async def`", TextEdit.insert(0, "async "));
        Fix same = Fix.safe("Make `f` an `async def`", TextEdit.insert(0, "async "));
        FixApplier.Result result = FixApplier.apply("def f(): pass\n", List.of(one, same));
        assertEquals("async def f(): pass\n", result.text());
        assertEquals(2, result.applied().size());
        assertEquals(0, result.skipped().size());
    }

    @Test
    void overlappingFixIsSkipped() {
        Fix wide = Fix.safe("wide", TextEdit.replace(0, 5, "xxxxx"));
        Fix inside = Fix.safe("inside", TextEdit.replace(2, 3, "y"));
        FixApplier.Result result = FixApplier.apply("abcdefg", List.of(wide, inside));
        assertEquals("xxxxxfg", result.text());
        assertEquals(List.of(inside), result.skipped());
    }

    @Test
    void fixIsAllOrNothing() {
        Fix first = Fix.safe("first", TextEdit.replace(0, 1, "A"));
        Fix second = Fix.safe("second", TextEdit.replace(4, 5, "E"), TextEdit.replace(0, 1, "Q"));
        FixApplier.Result result = FixApplier.apply("abcde", List.of(first, second));
        assertEquals("Abcde", result.text());
    }

    @Test
    void insertionNextToReplacementIsNoConflict() {
        Fix replace = Fix.safe("r", TextEdit.replace(0, 3, "xyz"));
        Fix insert = Fix.safe("i", TextEdit.insert(3, "!"));
        assertEquals("xyz!def", FixApplier.apply("abcdef", List.of(replace, insert)).text());
    }

    @Test
    void editBeyondTheTextIsSkipped() {
        Fix outside = Fix.safe("o", TextEdit.insert(99, "x"));
        FixApplier.Result result = FixApplier.apply("abc", List.of(outside));
        assertEquals("abc", result.text());
        assertEquals(List.of(outside), result.skipped());
    }

    @Test
    void rejectsBadRanges() {
        assertThrows(IllegalArgumentException.class, () -> new TextEdit(3, 2, ""));
        assertThrows(IllegalArgumentException.class, () -> new Fix("t", Applicability.SAFE, List.of()));
    }
}
