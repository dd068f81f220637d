package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void saysWhatComesAfterTheLastEpochOnce() {
        StringWriter out = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), false, "scoring the 5 training rows...");
        for (int epoch = 1; epoch <= 4; epoch++) {
            progress.report(epoch, 4, "loss 0.1");
        }
        String[] lines = out.toString().split("\n");
        assertTrue(lines[lines.length - 2].startsWith("  4/4 (100%)"), out.toString());
        assertEquals("  scoring the 5 training rows...", lines[lines.length - 1]);
        assertEquals(1, out.toString().split("scoring", -1).length - 1);
    }
}
