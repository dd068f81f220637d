package dtad.bench.report;

import dtad.bench.results.ResultRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The footnotes of failed cells: one note per distinct cause, numbered from 1 in the order the causes
 * first appear, each listing the cells (method, dataset, setting, seeds) that failed with it.
 */
final class FailureNotes {
    /** One cause and where it happened, e.g. {@code IForest on 38_thyroid (semi, seeds 0, 1)}. */
    record Note(int number, String cause, List<String> cells) {
    }

    private final Map<String, Integer> numbers;
    private final List<Note> notes;

    private FailureNotes(Map<String, Integer> numbers, List<Note> notes) {
        this.numbers = numbers;
        this.notes = notes;
    }

    /** Collects the failed rows of every setting, in the order the report shows them. */
    static FailureNotes of(List<SettingResults> settings) {
        Map<String, Map<String, TreeSet<Integer>>> where = new LinkedHashMap<>();
        for (SettingResults setting : settings) {
            for (ResultRow row : setting.allRows()) {
                if (!row.ok()) {
                    String cell = row.method() + " on " + row.dataset() + " (" + row.setting();
                    where.computeIfAbsent(cause(row), c -> new LinkedHashMap<>())
                            .computeIfAbsent(cell, c -> new TreeSet<>()).add(row.seed());
                }
            }
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Note> notes = new ArrayList<>();
        where.forEach((cause, cells) -> {
            int number = notes.size() + 1;
            numbers.put(cause, number);
            List<String> described = new ArrayList<>();
            cells.forEach((cell, seeds) -> described.add(cell + (seeds.size() == 1 ? ", seed " : ", seeds ")
                    + String.join(", ", seeds.stream().map(String::valueOf).toList()) + ")"));
            notes.add(new Note(number, cause, List.copyOf(described)));
        });
        return new FailureNotes(numbers, List.copyOf(notes));
    }

    /** The note numbers of a cell's failed rows, ascending and distinct. */
    List<Integer> numbers(List<ResultRow> cellRows) {
        return cellRows.stream().filter(r -> !r.ok()).map(r -> numbers.get(cause(r))).distinct().sorted().toList();
    }

    List<Note> notes() {
        return notes;
    }

    private static String cause(ResultRow row) {
        String error = row.error() == null ? "" : row.error().strip();
        return error.isEmpty() ? "(no message recorded)" : error;
    }
}
