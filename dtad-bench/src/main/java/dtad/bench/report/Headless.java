package dtad.bench.report;

/** Drawing needs no display: AWT is told so before it loads, unless the caller decided otherwise. */
final class Headless {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Headless() {
    }

    /** Runs the static initialiser above (once); call it before touching AWT. */
    static void ensure() {
        // the work is done when the class initialises
    }
}
