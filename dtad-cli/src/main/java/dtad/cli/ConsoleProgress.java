package dtad.cli;

import dtad.detect.Progress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows the progress of a long fit on stderr: one line redrawn in place on a terminal, a line per
 * tenth of the work otherwise (so logs stay short). Each line has the status and an ETA.
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final String afterLast;
    private int lastTenth = -1;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this(err, terminal, null);
    }

    /**
     * @param afterLast a line printed once the last unit is done, saying what the fit does next (so a
     *                  long wait after the last epoch is not silent), or {@code null}
     */
    ConsoleProgress(PrintWriter err, boolean terminal, String afterLast) {
        this.err = err;
        this.terminal = terminal;
        this.afterLast = afterLast;
    }

    @Override
    public void report(int done, int total, String message) {
        int tenth = total == 0 ? 10 : 10 * done / total;
        if (!terminal && tenth == lastTenth && done != total) {
            return;
        }
        lastTenth = tenth;
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = done == 0 ? "?" : format(elapsed * (total - done) / done);
        String line = String.format("  %d/%d (%d%%) %s, elapsed %s, ETA %s", done, total,
                total == 0 ? 100 : 100 * done / total, message, format(elapsed), eta);
        if (terminal) {
            err.print("\r" + line + (done == total ? "\n" : ""));
        } else {
            err.println(line);
        }
        if (done == total && afterLast != null) {
            err.println("  " + afterLast);
        }
        err.flush();
    }

    static String format(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        if (d.toHours() > 0) {
            return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return String.format("%.1fs", seconds);
    }
}
