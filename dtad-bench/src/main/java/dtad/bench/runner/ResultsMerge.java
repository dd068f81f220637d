package dtad.bench.runner;

import dtad.InputException;
import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.bench.results.ResultsLog;
import dtad.method.Method;
import dtad.method.Methods;
import dtad.method.StandardParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the cells of other results folders into one, for a benchmark split over machines or runs (a long run
 * on two machines, a rerun of some methods in a folder of its own). A cell of a source is added when the target
 * has no row for it, or only a failed one and the source an ok one; the first source that has a cell wins over
 * the later ones, with its details and anomaly maps ({@link CellMaps}). The methods' parameters
 * ({@value MethodConfigurations#FILE_NAME}) must agree, as when a run resumes: a method recorded with other
 * parameters in the target or in another source is refused before anything is written. The target's
 * {@code results.csv} is held locked throughout, so a benchmark still running into it is refused; a source may
 * still be running (only its complete rows are read).
 */
public final class ResultsMerge {
    private ResultsMerge() {
    }

    /** What a merge did. */
    public record Outcome(int added, int alreadyThere) {
    }

    /**
     * Adds the cells of {@code sources} to {@code target} (created if absent), with their details and their
     * methods' parameters.
     *
     * @throws InputException           when a source is not a results folder, or is the target
     * @throws IllegalArgumentException when parameters disagree or a benchmark is running into the target
     */
    public static Outcome merge(Path target, List<Path> sources) throws IOException {
        List<Source> read = new ArrayList<>();
        for (Path dir : sources) {
            Source source = Source.read(dir);
            if (Files.exists(target) && Files.isSameFile(dir, target)) {
                throw new InputException(dir + ": the folder to merge into cannot also be a source");
            }
            read.add(source);
        }
        Files.createDirectories(target);
        try (ResultsLog log = ResultsLog.open(target.resolve("results.csv"))) {
            Map<String, ResultRow> have = new LinkedHashMap<>();
            for (ResultRow row : ResultsCsv.latestPerCell(log.existingRows())) {
                have.put(row.key(), row);
            }
            Map<String, Source> from = new LinkedHashMap<>();
            Map<String, ResultRow> toAdd = new LinkedHashMap<>();
            int alreadyThere = 0;
            for (Source source : read) {
                for (ResultRow row : source.rows) {
                    ResultRow there = toAdd.containsKey(row.key()) ? toAdd.get(row.key()) : have.get(row.key());
                    if (there == null || (!there.ok() && row.ok())) {
                        toAdd.put(row.key(), row);
                        from.put(row.key(), source);
                    } else {
                        alreadyThere++;
                    }
                }
            }
            MethodConfigurations.checkAndRecord(target, specs(read));
            Path details = target.resolve(CellDetailsCsv.FILE);
            for (ResultRow row : toAdd.values()) {
                log.append(row);
                CellDetails d = from.get(row.key()).details.get(row.key());
                if (d != null) {
                    CellDetailsCsv.append(details, d);
                }
                CellMaps.copy(from.get(row.key()).dir, target, row.dataset(), row.method(), row.seed());
            }
            return new Outcome(toAdd.size(), alreadyThere);
        }
    }

    /**
     * The methods of every source's rows, each as its source recorded it: a cell already in the target still
     * has to be the same method, so a source run with other parameters is refused even when it adds nothing.
     */
    private static List<MethodSpec> specs(List<Source> sources) {
        Map<String, MethodSpec> specs = new LinkedHashMap<>();
        Map<String, Path> recordedIn = new LinkedHashMap<>();
        for (Source source : sources) {
            for (ResultRow row : source.rows) {
                if (recordedIn.containsKey(row.method()) && recordedIn.get(row.method()).equals(source.dir)) {
                    continue;
                }
                MethodSpec spec = source.spec(row.method());
                MethodSpec before = specs.putIfAbsent(row.method(), spec);
                if (before != null && !before.configurationText().equals(spec.configurationText())) {
                    throw new IllegalArgumentException(source.dir + " and " + recordedIn.get(row.method())
                            + " hold results of " + row.method() + " made with other parameters ("
                            + spec.configurationText() + "; " + before.configurationText() + ")");
                }
                recordedIn.put(row.method(), source.dir);
            }
        }
        return List.copyOf(specs.values());
    }

    /** One source folder as read: its latest row per cell, its cells' details, its methods' parameters. */
    private record Source(Path dir, List<ResultRow> rows, Map<String, CellDetails> details,
                          Map<String, String> configurations) {
        static Source read(Path dir) throws IOException {
            Path results = dir.resolve("results.csv");
            if (!Files.isRegularFile(results)) {
                throw new InputException(dir + ": no results.csv (not a folder written by 'dtad bench')");
            }
            return new Source(dir, ResultsCsv.latestPerCell(ResultsCsv.read(results)),
                    CellDetailsCsv.read(dir.resolve(CellDetailsCsv.FILE)),
                    MethodConfigurations.read(dir.resolve(MethodConfigurations.FILE_NAME)));
        }

        /** The method as this folder ran it: its recorded parameters, keys added since at their older values. */
        MethodSpec spec(String name) {
            String recorded = configurations.get(name);
            if (recorded == null) {
                throw new InputException(dir + ": results of " + name + " but no line for it in "
                        + MethodConfigurations.FILE_NAME);
            }
            Method<?> method = Methods.find(name);
            Map<String, String> given = MethodSpec.parseConfigurationText(recorded);
            Map<String, String> params = method.parameters().completedFromFile(given);
            // A seed that followed the protocol is in no line; completing it would pin it.
            if (!given.containsKey(StandardParameters.SEED.name())) {
                params.remove(StandardParameters.SEED.name());
            }
            return new MethodSpec(method, params, false);
        }
    }
}
