package dtad.bench.report;

import dtad.bench.report.Document.Cell;
import dtad.bench.report.Document.Column;
import dtad.bench.report.Document.Fact;
import dtad.bench.report.Document.Figures;
import dtad.bench.report.Document.Paragraph;
import dtad.bench.report.Document.Row;
import dtad.bench.report.Document.Section;
import dtad.bench.report.Document.Table;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One self-contained HTML page per explained row, drawn like the benchmark report ({@link HtmlRenderer},
 * XChart plots embedded as PNG): the features' contributions as bars, the row's values of the top features
 * on the training scale, and for a model with a posterior over diffusion time the row's posterior beside a
 * typical one.
 */
public final class ExplanationPage {
    /** Features drawn in the contribution chart, largest first. */
    static final int CHART_FEATURES = 15;
    /** Top features shown against the training scale. */
    static final int SCALE_FEATURES = 6;
    private static final Color RAISES = new Color(0xC6, 0x28, 0x28);
    private static final Color LOWERS = new Color(0x2F, 0x5D, 0x8A);
    private static final Color INK = new Color(0x22, 0x22, 0x22);

    static {
        Headless.ensure();
    }

    private ExplanationPage() {
    }

    /** The page of one row. */
    public static String html(RowExplanation e) {
        List<Section> sections = new ArrayList<>();
        int[] order = byContribution(e.contributions());
        sections.add(new Section("contributions", "Feature contributions", List.of(
                new Paragraph(e.meaning()),
                new Figures(List.of(contributionChart(e, order))),
                contributionTable(e, order))));
        sections.add(new Section("scale", "Top features on the training scale", List.of(
                new Paragraph("The model file keeps each feature's training mean and standard deviation, not the "
                        + "training values, so the row's value is shown in standard deviations from the training "
                        + "mean; the bands mark 1, 2 and 3 standard deviations (about 68%, 95% and 99.7% of the "
                        + "training rows if the feature were normal)."),
                new Figures(List.of(scaleChart(e, order))))));
        if (e.posterior() != null) {
            sections.add(new Section("posterior", "Posterior over diffusion time", List.of(
                    new Paragraph("The model's posterior over the diffusion time of this row (how much noise "
                            + "would explain its distance from the training rows) against " + e.typicalDescription()
                            + ". Mass at later times means the row lies farther from the data."),
                    new Figures(List.of(posteriorChart(e))))));
        }
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("Method", e.method()),
                new Fact("Score", number(e.score())),
                new Fact("Outlier probability", String.format(Locale.ROOT, "%.4f", e.probability())),
                new Fact("Row (from 0)", Integer.toString(e.row()))));
        if (e.id() != null) {
            facts.add(new Fact("Id", e.id()));
        }
        facts.add(new Fact("Data", e.data()));
        facts.add(new Fact("Model", e.model()));
        Document document = new Document("Why row " + e.row() + (e.id() == null ? "" : " (" + e.id() + ")")
                + " scores " + number(e.score()), facts, sections);
        String standing = e.probability() == 1 ? "every training row"
                : String.format(Locale.ROOT, "%.1f%% of the training rows", 100 * e.probability());
        return HtmlRenderer.render(document, e.method() + " explanation: the row scores higher than " + standing
                + ".", "Made by <code>dtad explain</code>.");
    }

    /** Feature indices by contribution, largest first (ties: lower index first). */
    static int[] byContribution(double[] contributions) {
        return IntStream.range(0, contributions.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(j -> -contributions[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
    }

    private static Plot contributionChart(RowExplanation e, int[] order) {
        int shown = Math.min(CHART_FEATURES, order.length);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            names.add(e.features().get(order[i]));
        }
        int width = 640;
        int height = Math.max(260, 110 + 32 * shown);
        XYChart chart = Plots.methodRows(width, height, names);
        chart.getStyler().setYAxisTickMarkSpacingHint(20); // a label on every bar
        chart.setTitle("Contributions" + (shown < order.length ? " (top " + shown + " of " + order.length + ")" : ""));
        chart.setXAxisTitle("contribution to the score");
        double low = 0;
        double high = 0;
        for (int i = 0; i < shown; i++) {
            low = Math.min(low, e.contributions()[order[i]]);
            high = Math.max(high, e.contributions()[order[i]]);
        }
        double span = Math.max(high - low, 1e-12);
        chart.getStyler().setXAxisMin(low - (low < 0 ? 0.12 * span : 0));
        chart.getStyler().setXAxisMax(high + 0.14 * span);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setAnnotationTextFontColor(INK);
        for (int i = 0; i < shown; i++) {
            double value = e.contributions()[order[i]];
            double y = shown - i;
            Color color = value >= 0 ? RAISES : LOWERS;
            Plots.horizontalBar(chart, names.get(i) + " bar", value, y, color);
            double at = value >= 0 ? value + 0.07 * span : value - 0.07 * span;
            chart.addAnnotation(new AnnotationText(number(value), at, y, false));
        }
        return new Plot("contributions", "Feature contributions",
                "Each feature's contribution to this row's score, largest first (red raises the score, blue "
                        + "lowers it).", width, height, Png.render(chart, width, height));
    }

    private static Table contributionTable(RowExplanation e, int[] order) {
        List<Column> columns = List.of(Column.of("feature"), Column.of("rank"), Column.of("contribution"),
                Column.of("value"), Column.of("standardized (sd from the training mean)"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            int j = order[i];
            rows.add(new Row(List.of(Cell.label(e.features().get(j)), Cell.number(Integer.toString(i + 1)),
                    Cell.number(number(e.contributions()[j]), i < 3), Cell.number(number(e.values()[j])),
                    Cell.number(String.format(Locale.ROOT, "%+.2f", e.standardized()[j]))), false));
        }
        return new Table(columns, rows);
    }

    private static Plot scaleChart(RowExplanation e, int[] order) {
        int shown = Math.min(SCALE_FEATURES, order.length);
        List<String> names = new ArrayList<>();
        double reach = 4;
        for (int i = 0; i < shown; i++) {
            names.add(e.features().get(order[i]));
            reach = Math.max(reach, Math.abs(e.standardized()[order[i]]) + 1);
        }
        reach = Math.min(reach, 50);
        int width = 640;
        int height = Math.max(240, 110 + 40 * shown);
        XYChart chart = Plots.methodRows(width, height, names);
        chart.getStyler().setYAxisTickMarkSpacingHint(20);
        chart.setTitle("The row's values in training standard deviations");
        chart.setXAxisTitle("(value - training mean) / training standard deviation");
        chart.getStyler().setXAxisMin(-reach);
        chart.getStyler().setXAxisMax(reach);
        chart.getStyler().setMarkerSize(11);
        int[] alphas = {70, 40, 20};
        for (int i = 0; i < shown; i++) {
            double y = shown - i;
            for (int band = 3; band >= 1; band--) {
                XYSeries s = chart.addSeries(names.get(i) + " band " + band, new double[] {-band, band, band, -band, -band},
                        new double[] {y - 0.25, y - 0.25, y + 0.25, y + 0.25, y - 0.25});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                s.setFillColor(new Color(LOWERS.getRed(), LOWERS.getGreen(), LOWERS.getBlue(), alphas[band - 1]));
                s.setLineColor(new Color(0, 0, 0, 0));
                s.setMarker(SeriesMarkers.NONE);
            }
            Plots.line(chart, names.get(i) + " mean", new double[] {0, 0}, new double[] {y - 0.25, y + 0.25},
                    LOWERS, 1.5f);
            double z = Math.max(-reach, Math.min(reach, e.standardized()[order[i]]));
            XYSeries point = chart.addSeries(names.get(i), new double[] {z}, new double[] {y});
            point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            point.setMarker(SeriesMarkers.DIAMOND);
            point.setMarkerColor(RAISES);
        }
        return new Plot("scale", "Top features on the training scale",
                "The row's value (red diamond) of each of the " + shown + " features with the largest contributions, "
                        + "in standard deviations from the training mean (line); bands: 1, 2 and 3 standard "
                        + "deviations.", width, height, Png.render(chart, width, height));
    }

    private static Plot posteriorChart(RowExplanation e) {
        int steps = e.posterior().length;
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = i;
        }
        int width = 640;
        int height = 360;
        XYChart chart = new XYChart(width, height);
        Plots.style(chart.getStyler());
        chart.setTitle("Posterior over diffusion time");
        chart.setXAxisTitle("diffusion time (" + e.posteriorLabels().get(0) + " .. "
                + e.posteriorLabels().get(steps - 1) + ")");
        chart.setYAxisTitle("probability");
        chart.getStyler().setXAxisTickMarkSpacingHint(70);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        XYSeries typical = chart.addSeries("typical", t, e.typicalPosterior());
        typical.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        typical.setMarker(SeriesMarkers.NONE);
        typical.setLineColor(LOWERS);
        typical.setLineStyle(new BasicStroke(2f));
        XYSeries row = chart.addSeries("row " + e.row(), t, e.posterior());
        row.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        row.setMarker(SeriesMarkers.NONE);
        row.setLineColor(RAISES);
        row.setLineStyle(new BasicStroke(2.5f));
        return new Plot("posterior", "Posterior over diffusion time",
                "The row's posterior p(t | x) (red) and the typical posterior (blue): " + e.typicalDescription() + ".",
                width, height, Png.render(chart, width, height));
    }

    /** Four significant digits, plain for ordinary magnitudes. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (value == 0) {
            return "0";
        }
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }
}
