package dtad.detect;

/** Receives the progress of a long fit, e.g. one call per training epoch. */
@FunctionalInterface
public interface Progress {
    /** Ignores every report. */
    Progress SILENT = (done, total, message) -> { };

    /**
     * @param done    units finished so far (e.g. epochs)
     * @param total   units planned in all
     * @param message a short status, e.g. {@code "loss 0.4213"}
     */
    void report(int done, int total, String message);
}
