package dtad.bench.report;

import dtad.Version;
import dtad.bench.report.Document.Cell;
import dtad.bench.report.Document.Column;
import dtad.bench.report.Document.Fact;
import dtad.bench.report.Document.Figures;
import dtad.bench.report.Document.Notes;
import dtad.bench.report.Document.Paragraph;
import dtad.bench.report.Document.Row;
import dtad.bench.report.Document.Section;
import dtad.bench.report.Document.Style;
import dtad.bench.report.Document.Table;
import dtad.bench.results.ResultRow;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the report document from result rows: per protocol setting an overview, the paper-style
 * tables of AUC-ROC, AUC-PR and F1, the comparison with a published table, times and datasets, plus
 * the notes on failed cells; and draws its plots.
 */
final class ReportBuilder {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final List<SettingResults> settings;
    private final List<String> methods;
    private final PublishedTable reference;
    private final Palette palette;
    private final Plots plots;
    private final FailureNotes failures;

    private ReportBuilder(List<ResultRow> rows, PublishedTable reference) {
        this.settings = SettingResults.group(rows);
        this.methods = List.copyOf(new LinkedHashSet<>(rows.stream().map(ResultRow::method).toList()));
        this.reference = reference;
        this.palette = Palette.of(methods);
        this.plots = new Plots(palette, methods);
        this.failures = FailureNotes.of(settings);
    }

    /**
     * The report of {@code rows} (at least one), compared with {@code reference} when it is not null.
     *
     * @param source    names the results in the facts, e.g. the path of {@code results.csv}
     * @param generated when the report is made
     */
    static Document build(List<ResultRow> rows, PublishedTable reference, String source, Instant generated) {
        if (rows.isEmpty()) {
            throw new dtad.InputException(source + ": holds no result rows yet");
        }
        return new ReportBuilder(rows, reference).document(source, generated);
    }

    private Document document(String source, Instant generated) {
        List<Section> sections = new ArrayList<>();
        boolean several = settings.size() > 1;
        for (SettingResults setting : settings) {
            sections.addAll(settingSections(setting, several));
        }
        if (!failures.notes().isEmpty()) {
            sections.add(new Section("failures", "Failed cells", List.of(
                    new Paragraph("A cell shows `failed` when any of its seeds failed; its other seeds are not "
                            + "averaged, so that every number in the tables stands on all seeds. The causes:"),
                    new Notes(failures.notes()))));
        }
        return new Document("dtad benchmark report", facts(source, generated), sections);
    }

    private List<Fact> facts(String source, Instant generated) {
        Set<String> datasets = new TreeSet<>(NaturalOrder.INSTANCE);
        Set<Integer> seeds = new TreeSet<>();
        int ok = 0;
        int failed = 0;
        int missing = 0;
        for (SettingResults s : settings) {
            datasets.addAll(s.datasets());
            seeds.addAll(s.seeds());
            for (ResultRow row : s.allRows()) {
                if (row.ok()) {
                    ok++;
                } else {
                    failed++;
                }
            }
            for (String d : s.datasets()) {
                for (String m : s.methods()) {
                    missing += s.state(d, m) == SettingResults.State.MISSING ? 1 : 0;
                }
            }
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Setting",
                settings.stream().map(SettingResults::setting).collect(Collectors.joining(", "))));
        facts.add(new Fact("Datasets", Integer.toString(datasets.size())));
        facts.add(new Fact("Methods", String.join(", ", methods)));
        facts.add(new Fact("Seeds", seeds.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        facts.add(new Fact("Runs", ok + " ok, " + failed + " failed"
                + (missing > 0 ? ", " + missing + " cells not run" : "")));
        facts.add(new Fact("Reference", reference == null ? "none" : fileName(reference.source())));
        facts.add(new Fact("Results", source));
        facts.add(new Fact("dtad", Version.get()));
        facts.add(new Fact("Generated", TIME.format(generated)));
        return facts;
    }

    private List<Section> settingSections(SettingResults setting, boolean several) {
        String prefix = several ? setting.setting() + " · " : "";
        String id = setting.setting().replaceAll("[^A-Za-z0-9_.-]", "_") + "-";
        MetricSummary auc = MetricSummary.of(setting, Metric.AUC_ROC);
        MetricSummary pr = MetricSummary.of(setting, Metric.AUC_PR);
        MetricSummary f1 = MetricSummary.of(setting, Metric.F1);
        TimeSummary times = TimeSummary.of(setting);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(id + "overview", prefix + "Overview", List.of(
                new Paragraph(setting.datasets().size() + " datasets, " + setting.methods().size() + " methods, "
                        + setting.seeds().size() + " seeds (" + joinSeeds(setting) + "), setting **"
                        + setting.setting() + "**. Methods ordered by average AUC-ROC rank; averages are over "
                        + "the datasets where the method has a result. Bold: best."),
                overviewTable(auc, pr, f1, times),
                new Figures(List.of(plots.box(auc, id + "aucroc-box"), plots.averageRank(auc, id + "aucroc-rank"))))));
        sections.add(metricSection(auc, prefix, id));
        if (reference != null && comparesWith(setting)) {
            sections.add(comparisonSection(Comparison.of(auc, reference), prefix, id));
        }
        sections.add(metricSection(pr, prefix, id));
        sections.add(metricSection(f1, prefix, id));
        sections.add(new Section(id + "time", prefix + "Time", List.of(
                new Paragraph("Wall time per run (one dataset and seed) over the successful runs, in seconds."),
                timeTable(times),
                new Figures(List.of(plots.aucAgainstTime(auc, times, true, id + "aucroc-vs-fit-time"),
                        plots.aucAgainstTime(auc, times, false, id + "aucroc-vs-score-time"))))));
        sections.add(new Section(id + "datasets", prefix + "Datasets", List.of(datasetTable(setting))));
        return sections;
    }

    /**
     * Whether the published table is compared with a setting: with every setting, unless the table's
     * file name names some of them (e.g. {@code dte_paper_semi_aucroc.csv}), then with those only.
     */
    private boolean comparesWith(SettingResults setting) {
        String name = reference.source().toLowerCase(Locale.ROOT);
        List<String> named = settings.stream().map(SettingResults::setting)
                .filter(s -> name.contains(s.toLowerCase(Locale.ROOT))).toList();
        return named.isEmpty() || named.contains(setting.setting());
    }

    private Table overviewTable(MetricSummary auc, MetricSummary pr, MetricSummary f1, TimeSummary times) {
        List<Column> columns = List.of(Column.of("Method"), Column.of("AUC-ROC avg (%)"), Column.of("AUC-ROC avg rank"),
                Column.of("AUC-PR avg (%)"), Column.of("F1 avg (%)"), Column.of("Datasets"), Column.of("Failed runs"),
                Column.of("Median fit (s)"), Column.of("Median score (s)"));
        SettingResults setting = auc.results();
        List<String> ordered = setting.methods().stream()
                .sorted(Comparator.comparingDouble(m -> rankOrLast(auc.averageRank(m)))).toList();
        List<Row> rows = new ArrayList<>();
        for (String method : ordered) {
            TimeSummary.MethodTimes t = times.method(method);
            rows.add(new Row(List.of(
                    Cell.method(method, palette.color(method)),
                    average(auc, method), rank(auc, method), average(pr, method), average(f1, method),
                    Cell.number(auc.coverage(method) + "/" + setting.datasets().size()),
                    Cell.number(Integer.toString(t.failedRuns())),
                    seconds(t.fitMedian()), seconds(t.scoreMedian())), false));
        }
        return new Table(columns, rows);
    }

    private Section metricSection(MetricSummary summary, String prefix, String id) {
        SettingResults setting = summary.results();
        String label = summary.metric().label();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("Dataset"));
        for (String method : setting.methods()) {
            columns.add(new Column(method, null, palette.color(method)));
        }
        List<Row> rows = new ArrayList<>();
        for (String dataset : setting.datasets()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.label(dataset));
            for (String method : setting.methods()) {
                cells.add(cell(summary, dataset, method));
            }
            rows.add(new Row(cells, false));
        }
        List<Cell> averages = new ArrayList<>();
        List<Cell> ranks = new ArrayList<>();
        averages.add(Cell.label("Average"));
        ranks.add(Cell.label("Average rank"));
        for (String method : setting.methods()) {
            averages.add(average(summary, method));
            ranks.add(rank(summary, method));
        }
        rows.add(new Row(averages, true));
        rows.add(new Row(ranks, true));
        String text = label + " in %, mean ± std over " + setting.seeds().size() + " seeds. **Bold**: best per "
                + "dataset (ties at the shown precision are all bold). Average: over the datasets where the method "
                + "has a result, with their count when that is not all. Average rank: ranks within each dataset "
                + "(1 = best, ties share the average of their ranks, a failed or missing cell ranks last), "
                + "averaged over " + summary.rankedDatasets() + " datasets.";
        return new Section(id + summary.metric().key(), prefix + label + " (%)",
                List.of(new Paragraph(text), new Table(columns, rows)));
    }

    private Cell cell(MetricSummary summary, String dataset, String method) {
        SettingResults setting = summary.results();
        return switch (setting.state(dataset, method)) {
            case OK -> Cell.number(Text.meanStd(summary.value(dataset, method).orElseThrow(),
                    setting.rows(dataset, method).size()), summary.best(dataset, method));
            case FAILED -> Cell.failed(failures.numbers(setting.rows(dataset, method)));
            case MISSING -> Cell.missing();
        };
    }

    private static Cell average(MetricSummary summary, String method) {
        OptionalDouble average = summary.average(method);
        if (average.isEmpty()) {
            return Cell.missing();
        }
        int coverage = summary.coverage(method);
        int all = summary.results().datasets().size();
        String text = Text.percent(average.getAsDouble()) + (coverage < all ? " (" + coverage + "/" + all + ")" : "");
        return Cell.number(text, summary.bestAverage(method));
    }

    private static Cell rank(MetricSummary summary, String method) {
        double rank = summary.averageRank(method);
        return Double.isNaN(rank) ? Cell.missing() : Cell.number(Text.rank(rank), summary.bestRank(method));
    }

    private Section comparisonSection(Comparison comparison, String prefix, String id) {
        List<Document.Block> blocks = new ArrayList<>();
        String title = prefix + "AUC-ROC compared with the published table";
        String source = "Published: `" + comparison.table().source() + "`.";
        if (comparison.datasets().isEmpty() || comparison.methods().isEmpty()) {
            blocks.add(new Paragraph(source + " It shares no dataset and method with these results (datasets match "
                    + "its column `file`, methods its method columns, ignoring case)."));
            return new Section(id + "published", title, blocks);
        }
        int compared = comparison.compared();
        int notCompared = comparison.entries().size() - compared;
        StringBuilder text = new StringBuilder(source).append(" **").append(comparison.within()).append(" of ")
                .append(compared).append("** cells lie within the published mean ± max(2 std, ")
                .append((int) Comparison.MIN_TOLERANCE_POINTS).append(" points); a difference outside is marked ✗.");
        if (notCompared > 0) {
            text.append(' ').append(notCompared).append(notCompared == 1 ? " cell" : " cells")
                    .append(" failed or did not run here and could not be compared.");
        }
        text.append(" dtad: our mean over seeds (its std is in the AUC-ROC table); Δ = dtad − published, in "
                + "points. Spread: the cells run on two or more seeds whose std over them is at most the published "
                + "std (both are estimates from a few seeds, so even a faithful reproduction misses some).");
        if (!comparison.unmatchedMethods().isEmpty()) {
            text.append(" Methods without a published column: ")
                    .append(String.join(", ", comparison.unmatchedMethods())).append('.');
        }
        if (!comparison.unmatchedDatasets().isEmpty()) {
            text.append(" Datasets not in the published table: ")
                    .append(String.join(", ", comparison.unmatchedDatasets())).append('.');
        }
        blocks.add(new Paragraph(text.toString()));
        blocks.add(comparisonSummaryTable(comparison));
        blocks.add(comparisonTable(comparison));
        blocks.add(new Figures(List.of(plots.oursAgainstPublished(comparison, id + "aucroc-vs-published"))));
        return new Section(id + "published", title, blocks);
    }

    private Table comparisonSummaryTable(Comparison comparison) {
        List<Column> columns = List.of(Column.of("Method"), Column.of("Published as"), Column.of("Cells compared"),
                Column.of("Within band"), Column.of("Spread ≤ published std"), Column.of("Mean Δ (points)"),
                Column.of("dtad avg (%)"), Column.of("Published avg (%)"));
        List<Row> rows = new ArrayList<>();
        for (String method : comparison.methods()) {
            List<Comparison.Entry> entries = comparison.entries(method).stream().filter(Comparison.Entry::compared)
                    .toList();
            long within = entries.stream().filter(Comparison.Entry::within).count();
            long spreads = entries.stream().filter(Comparison.Entry::spreadCompared).count();
            long steady = entries.stream().filter(Comparison.Entry::spreadWithin).count();
            OptionalDouble delta = comparison.meanDifference(method);
            OptionalDouble ours = entries.stream().mapToDouble(e -> e.ours().mean()).average();
            OptionalDouble published = entries.stream().mapToDouble(e -> e.published().mean()).average();
            String publishedAs = comparison.table().method(method).orElseThrow();
            rows.add(new Row(List.of(
                    Cell.method(method, palette.color(method)), Cell.label(publishedAs),
                    Cell.number(Integer.toString(entries.size())),
                    Cell.number(within + "/" + entries.size()),
                    spreads == 0 ? Cell.missing() : Cell.number(steady + "/" + spreads),
                    delta.isPresent() ? Cell.number(Text.signedPoints(delta.getAsDouble())) : Cell.missing(),
                    ours.isPresent() ? Cell.number(Text.percent(ours.getAsDouble())) : Cell.missing(),
                    published.isPresent() ? Cell.number(Text.percent(published.getAsDouble())) : Cell.missing()),
                    false));
        }
        return new Table(columns, rows);
    }

    private Table comparisonTable(Comparison comparison) {
        SettingResults setting = comparison.results();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("Dataset"));
        for (String method : comparison.methods()) {
            columns.add(new Column("dtad", method, palette.color(method)));
            columns.add(new Column("published", method, palette.color(method)));
            columns.add(new Column("Δ", method, palette.color(method)));
        }
        List<Row> rows = new ArrayList<>();
        for (String dataset : comparison.datasets()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.label(dataset));
            for (String method : comparison.methods()) {
                var entry = comparison.entry(dataset, method);
                if (entry.isEmpty()) {
                    cells.add(Cell.missing());
                    cells.add(Cell.missing());
                    cells.add(Cell.missing());
                    continue;
                }
                Comparison.Entry e = entry.get();
                if (e.compared()) {
                    cells.add(Cell.number(Text.percent(e.ours().mean())));
                } else if (e.state() == SettingResults.State.FAILED) {
                    cells.add(Cell.failed(failures.numbers(setting.rows(dataset, method))));
                } else {
                    cells.add(Cell.missing());
                }
                cells.add(Cell.number(Text.published(e.published())));
                if (e.compared()) {
                    cells.add(new Cell(Text.signedPoints(e.difference()), e.within() ? Style.AGREES : Style.DISAGREES,
                            List.of(), null));
                } else {
                    cells.add(Cell.missing());
                }
            }
            rows.add(new Row(cells, false));
        }
        return new Table(columns, rows);
    }

    private Table timeTable(TimeSummary times) {
        List<Column> columns = List.of(Column.of("Method"), Column.of("Runs ok"), Column.of("Runs failed"),
                Column.of("Fit median (s)"), Column.of("Fit mean (s)"), Column.of("Score median (s)"),
                Column.of("Score mean (s)"), Column.of("Total (s)"));
        List<Row> rows = new ArrayList<>();
        SettingResults setting = times.results();
        for (String method : setting.methods()) {
            TimeSummary.MethodTimes t = times.method(method);
            rows.add(new Row(List.of(Cell.method(method, palette.color(method)),
                    Cell.number(Integer.toString(t.runs())), Cell.number(Integer.toString(t.failedRuns())),
                    seconds(t.fitMedian()), seconds(t.fitMean()), seconds(t.scoreMedian()), seconds(t.scoreMean()),
                    seconds(t.total())), false));
        }
        return new Table(columns, rows);
    }

    private static Table datasetTable(SettingResults setting) {
        List<Column> columns = List.of(Column.of("Dataset"), Column.of("Train rows"), Column.of("Test rows"),
                Column.of("Features"));
        List<Row> rows = new ArrayList<>();
        for (String dataset : setting.datasets()) {
            ResultRow first = setting.methods().stream().flatMap(m -> setting.rows(dataset, m).stream())
                    .filter(r -> r.nTest() > 0).findFirst().orElse(null);
            rows.add(new Row(first == null
                    ? List.of(Cell.label(dataset), Cell.missing(), Cell.missing(), Cell.missing())
                    : List.of(Cell.label(dataset), Cell.number(Integer.toString(first.nTrain())),
                            Cell.number(Integer.toString(first.nTest())), Cell.number(Integer.toString(first.dim()))),
                    false));
        }
        return new Table(columns, rows);
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }

    private static Cell seconds(double seconds) {
        return Double.isNaN(seconds) ? Cell.missing() : Cell.number(Text.seconds(seconds));
    }

    private static double rankOrLast(double rank) {
        return Double.isNaN(rank) ? Double.MAX_VALUE : rank;
    }

    private static String joinSeeds(SettingResults setting) {
        return setting.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
