package dev.greenlight.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.diff("a", "a", "x\n", "x\n"));
    }

    @Test
    void oneChangedLineWithContext() {
        String before = "1\n2\n3\n4\ndef f():\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nasync def f():\n6\n7\n8\n9\n";
        assertEquals("""
                --- app.py
                +++ app.py
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -def f():
                +async def f():
                 6
                 7
                 8
                """, UnifiedDiff.diff("app.py", "app.py", before, after));
    }

    @Test
    void distantChangesMakeTwoHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replace("2\n", "two\n").replace("19\n", "nineteen\n");
        String diff = UnifiedDiff.diff("a", "b", before.toString(), after);
        assertEquals(2, diff.split("@@ -", -1).length - 1, diff);
    }

    @Test
    void insertionAndMissingFinalNewline() {
        assertEquals("""
                --- a
                +++ a
                @@ -1 +1,2 @@
                +new
                 x
                \\ No newline at end of file
                """, UnifiedDiff.diff("a", "a", "x", "new\nx"));
    }
}
