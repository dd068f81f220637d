package dtad.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.InputException;
import org.junit.jupiter.api.function.Executable;

/** Asserts that input is refused the way dtad promises: an {@link InputException} with a one-line message. */
public final class Refusals {
    private Refusals() {
    }

    /**
     * Asserts that {@code reading} throws an {@link InputException} whose message starts with {@code source},
     * holds each fragment, is one line and reads as a sentence rather than a stack trace.
     */
    public static String assertRefused(String source, Executable reading, String... fragments) {
        InputException e = assertThrows(InputException.class, reading);
        String message = e.getMessage();
        assertTrue(message.startsWith(source + ":"), () -> "message should start with the source: " + message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "message should contain '" + fragment + "': " + message);
        }
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "message has a line break: " + message);
        assertFalse(message.contains("Exception") || message.contains("java."),
                () -> "message looks like a stack trace: " + message);
        return message;
    }
}
