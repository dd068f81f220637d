package dtad.bench.runner;

import dtad.InputException;
import dtad.io.AtomicFiles;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.StandardParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a results folder to one configuration per method, so that a resumed run never mixes rows of
 * different parameters (say a {@code --quick} run and a full one) under one method name. The file
 * ({@value #FILE_NAME}) holds one line per method, {@code METHOD<tab>key=value key=value ...}; a run
 * whose configuration of a recorded method differs is refused before any cell runs. The file is
 * replaced atomically, so a killed run leaves either the old or the new version.
 */
final class MethodConfigurations {
    static final String FILE_NAME = "methods.tsv";

    private MethodConfigurations() {
    }

    /**
     * Checks the methods against those recorded in {@code dir} and records the new ones.
     *
     * @throws IllegalArgumentException when a method was run there with other parameters
     */
    static void checkAndRecord(Path dir, List<MethodSpec> methods) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Map<String, String> recorded = read(file);
        boolean changed = false;
        for (MethodSpec m : methods) {
            String now = m.configurationText();
            String before = recorded.get(m.name());
            if (before == null) {
                recorded.put(m.name(), now);
                changed = true;
            } else if (!before.equals(now)) {
                Map<String, String> configuration = m.configuration();
                if (!completed(m, before, configuration.keySet()).equals(configuration)) {
                    throw new IllegalArgumentException(dir + " holds results of " + m.name() + " made with other "
                            + "parameters (" + before + "; now " + now + "); use another --out folder, or the same "
                            + "parameters");
                }
                // Recorded before a key was added, with the value the key's older files stand for: the same run.
                recorded.put(m.name(), now);
                changed = true;
            }
        }
        if (changed) {
            StringBuilder text = new StringBuilder();
            recorded.forEach((name, config) -> text.append(name).append('\t').append(config).append('\n'));
            AtomicFiles.write(file, true, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * A method as a folder recorded it ({@code line}, as in the file): its parameters, each key the line lacks at the
     * value older files stand for, as a resume compares them ({@link #completed}).
     */
    static MethodSpec recorded(String name, String line) {
        Method<?> method = Methods.find(name);
        Map<String, String> given = MethodSpec.parseConfigurationText(line);
        Map<String, String> params = method.parameters().completedFromFile(given);
        // A seed that followed the protocol is in no line; completing it would pin it.
        if (!given.containsKey(StandardParameters.SEED.name())) {
            params.remove(StandardParameters.SEED.name());
        }
        return new MethodSpec(method, params, false);
    }

    /**
     * A recorded configuration with each key it lacks and the method now declares set to the value older files stand
     * for ({@link dtad.method.Parameter#inOlderModelFiles}), as a model file saved before the key is read.
     */
    private static Map<String, String> completed(MethodSpec m, String recorded, Set<String> keysNow) {
        Map<String, String> before = MethodSpec.parseConfigurationText(recorded);
        Map<String, String> completed = m.method().parameters().completedFromFile(before);
        // Only the keys the run names now: a seed that follows the protocol is in neither line.
        completed.keySet().removeIf(key -> !before.containsKey(key) && !keysNow.contains(key));
        return completed;
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new InputException(file + ": line " + (i + 1) + " is not METHOD<tab>parameters");
            }
            out.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return out;
    }
}
