package dtad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtad.data.AnomalyType;
import dtad.data.Dataset;
import dtad.data.SyntheticData;
import dtad.io.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README says what the code does: its command help is current and its Java quick start runs. */
class ReadmeTest {
    private static final Path README = Path.of("..", "README.md");

    @ParameterizedTest
    @ValueSource(strings = {"methods", "info", "generate", "fit", "score", "explain", "bench", "report", "merge"})
    void readmeShowsTheCurrentHelpOfEveryCommand(String command) throws IOException {
        CommandRun help = CommandRun.of(command, "--help");
        assertEquals(0, help.exitCode());
        String readme = Files.readString(README);
        assertTrue(readme.contains("```text\n" + help.out().strip() + "\n```"),
                "README.md lacks the current 'dtad " + command + " --help'; paste this:\n" + help.out());
    }

    @Test
    void javaQuickStartCompilesAndRuns(@TempDir Path dir) throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("```java\n") + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start))
                .replace("Path.of(\"", "dir.resolve(\"");
        String source = """
                import dtad.data.*;
                import dtad.detect.*;
                import dtad.dte.*;
                import dtad.io.*;
                import dtad.model.*;
                import java.nio.file.Path;

                public class QuickStart {
                    public static void run(Path dir) throws Exception {
                        %s
                    }
                }
                """.formatted(snippet);
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("QuickStart.java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(messages, null, null,
                List.of("-d", sources.toString(), "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(sources.resolve("QuickStart.java")))
                .call();
        assertTrue(compiled, messages + "\n" + source);

        Dataset data = new SyntheticData(600, 4, 0.1, AnomalyType.CLUSTERED, 2, 7).generate();
        List<String> names = new ArrayList<>(List.of("a", "b", "c", "d"));
        CsvWriter.write(dir.resolve("train.csv"), names, data.x().rowRange(0, 400), false);
        CsvWriter.write(dir.resolve("new.csv"), names, data.x().rowRange(400, 600), false);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {sources.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("QuickStart").getMethod("run", Path.class).invoke(null, dir);
        }
        assertTrue(Files.isRegularFile(dir.resolve("my-model/manifest.json")));
    }
}
