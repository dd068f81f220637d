package dtad.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides what a test does when the data kept outside the repository (the ADBench
 * files and the published tables in {@code ../shared}) are absent: on a developer's machine it is
 * skipped with a message; with {@code -Ddtad.require.shared=true} (what {@code .ci/run} passes) it
 * fails, so that a CI run without the data cannot pass with every fidelity check skipped.
 */
public final class SharedData {
    /** The system property that turns a skip for missing shared data into a failure. */
    public static final String REQUIRE = "dtad.require.shared";

    private SharedData() {
    }

    /** The ADBench folder (system property {@code dtad.adbench.dir}, set by the POM). */
    public static Path adbenchDir() {
        return Path.of(property("dtad.adbench.dir", "../shared/datasets/adbench"));
    }

    /** The folder of the published tables and reference files (system property {@code dtad.reference.dir}). */
    public static Path referenceDir() {
        return Path.of(property("dtad.reference.dir", "../shared/reference"));
    }

    /** {@code dir}, which must be a folder: else the test skips (or fails when the data are required). */
    public static Path directory(Path dir) {
        require(Files.isDirectory(dir), "shared data folder not found at " + dir);
        return dir;
    }

    /** {@code file}, which must be a regular file: else the test skips (or fails when the data are required). */
    public static Path file(Path file) {
        require(Files.isRegularFile(file), "shared data file not found at " + file);
        return file;
    }

    /** A file of the ADBench folder, e.g. {@code Classical/38_thyroid.npz}. */
    public static Path adbenchFile(String relative) {
        return file(adbenchDir().resolve(relative));
    }

    /** A file of the reference folder, e.g. {@code dte_paper_semi_aucroc.csv}. */
    public static Path referenceFile(String name) {
        return file(referenceDir().resolve(name));
    }

    /** Whether this run must fail rather than skip when shared data are missing. */
    public static boolean required() {
        return Boolean.parseBoolean(property(REQUIRE, "false"));
    }

    private static void require(boolean present, String message) {
        if (!present && required()) {
            fail(message + " (required: -D" + REQUIRE + "=true)");
        }
        Assumptions.assumeTrue(present, message + ": skipping");
    }

    /** A system property, ignoring one that Maven left unresolved ({@code ${...}}) or blank. */
    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "");
        return value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
