package dtad.bench.runner;

import dtad.InputException;
import dtad.bench.results.CellDetails;
import dtad.bench.results.CellDetailsCsv;
import dtad.bench.results.ResultRow;
import dtad.bench.results.ResultsCsv;
import dtad.bench.results.ResultsLog;
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
            // The target's latest row per cell, then each cell added from a source.
            Map<String, ResultRow> latest = new LinkedHashMap<>();
            for (ResultRow row : ResultsCsv.latestPerCell(log.existingRows())) {
                latest.put(row.key(), row);
            }
            List<Added> added = new ArrayList<>();
            int alreadyThere = 0;
            for (Source source : read) {
                for (ResultRow row : source.rows) {
                    ResultRow there = latest.get(row.key());
                    if (there == null || (!there.ok() && row.ok())) {
                        latest.put(row.key(), row);
                        added.add(new Added(row, source));
                    } else {
                        alreadyThere++;
                    }
                }
            }
            MethodConfigurations.checkAndRecord(target, specs(read));
            Path details = target.resolve(CellDetailsCsv.FILE);
            for (Added cell : added) {
                ResultRow row = cell.row();
                log.append(row);
                CellDetails d = cell.source().details.get(row.key());
                if (d != null) {
                    CellDetailsCsv.append(details, d);
                }
                CellMaps.copy(cell.source().dir, target, row.dataset(), row.method(), row.seed());
            }
            return new Outcome(added.size(), alreadyThere);
        }
    }

    /**
     * The methods of every source's rows, each as its source recorded it: a cell already in the target still
     * has to be the same method, so a source run with other parameters is refused even when it adds nothing.
     */
    private static List<MethodSpec> specs(List<Source> sources) {
        Map<String, Recorded> first = new LinkedHashMap<>();
        for (Source source : sources) {
            for (String name : source.rows.stream().map(ResultRow::method).distinct().toList()) {
                MethodSpec spec = source.spec(name);
                Recorded before = first.putIfAbsent(name, new Recorded(spec, source.dir));
                if (before != null && !before.spec().configurationText().equals(spec.configurationText())) {
                    throw new IllegalArgumentException(source.dir + " and " + before.in() + " hold results of "
                            + name + " made with other parameters (" + spec.configurationText() + "; "
                            + before.spec().configurationText() + ")");
                }
            }
        }
        return first.values().stream().map(Recorded::spec).toList();
    }

    /** A method as the first source holding it recorded it. */
    private record Recorded(MethodSpec spec, Path in) {
    }

    /** A cell to add and the source it comes from. */
    private record Added(ResultRow row, Source source) {
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

        /** The method as this folder ran it. */
        MethodSpec spec(String name) {
            String recorded = configurations.get(name);
            if (recorded == null) {
                throw new InputException(dir + ": results of " + name + " but no line for it in "
                        + MethodConfigurations.FILE_NAME);
            }
            return MethodConfigurations.recorded(name, recorded);
        }
    }
}
