package dtad;

/**
 * A user's input is unusable: a malformed file, a bad cell, a wrong feature count. The message is
 * one line that names the file (and row and column where known) and the problem, so that a command
 * line can print it as it is.
 */
public class InputException extends IllegalArgumentException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
