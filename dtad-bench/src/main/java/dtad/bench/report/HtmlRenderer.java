package dtad.bench.report;

import dtad.bench.report.Document.Block;
import dtad.bench.report.Document.Cell;
import dtad.bench.report.Document.Column;
import dtad.bench.report.Document.Fact;
import dtad.bench.report.Document.Figures;
import dtad.bench.report.Document.Notes;
import dtad.bench.report.Document.Paragraph;
import dtad.bench.report.Document.Row;
import dtad.bench.report.Document.Section;
import dtad.bench.report.Document.Table;
import java.awt.Color;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a report document as one self-contained HTML file: the stylesheet is inline and the plots
 * are embedded as {@code data:} URIs, so the file opens anywhere without a network or other files.
 */
final class HtmlRenderer {
    private static final Pattern MARKUP = Pattern.compile("\\*\\*(.+?)\\*\\*|`(.+?)`");
    private static final String STYLE = """
            :root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #2f5d8a;
                    --good: #1a7f37; --bad: #c62828; }
            * { box-sizing: border-box; }
            body { margin: 0; color: var(--ink); background: #fff;
                   font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
            .wrap { max-width: 1400px; margin: 0 auto; padding: 0 32px; }
            header { background: linear-gradient(135deg, #1f3f60, #3d6f9e); color: #fff; padding: 30px 0 24px; }
            header h1 { margin: 0 0 2px; font-size: 28px; font-weight: 650; letter-spacing: -0.01em; }
            header .sub { margin: 0 0 18px; opacity: 0.85; }
            dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px;
                       margin: 0; }
            dl.facts div { background: rgba(255, 255, 255, 0.12); border-radius: 8px; padding: 8px 12px; }
            dl.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: 0.07em; opacity: 0.8; }
            dl.facts dd { margin: 2px 0 0; font-weight: 600; overflow-wrap: anywhere; }
            nav { position: sticky; top: 0; z-index: 2; background: rgba(255, 255, 255, 0.96);
                  border-bottom: 1px solid var(--line); }
            nav .wrap { display: flex; flex-wrap: wrap; gap: 4px 20px; padding-top: 10px; padding-bottom: 10px;
                        font-size: 14px; }
            nav a { color: var(--accent); text-decoration: none; }
            nav a:hover { text-decoration: underline; }
            section { padding: 4px 0 20px; border-bottom: 1px solid #eaeef2; scroll-margin-top: 48px; }
            h2 { font-size: 21px; font-weight: 650; margin: 28px 0 8px; }
            p { max-width: 78em; margin: 8px 0; }
            code { font: 13px ui-monospace, "DejaVu Sans Mono", Menlo, monospace; background: var(--soft);
                   padding: 1px 5px; border-radius: 4px; }
            .table-wrap { overflow-x: auto; margin: 14px 0 20px; border: 1px solid var(--line); border-radius: 8px;
                          max-width: 100%; width: fit-content; }
            table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
            table.grouped { font-size: 12.5px; }
            table.grouped th, table.grouped td { padding: 5px 7px; }
            th, td { padding: 6px 12px; text-align: right; white-space: nowrap; border-bottom: 1px solid #eaeef2; }
            th { background: var(--soft); font-weight: 600; vertical-align: bottom; }
            th:first-child, td:first-child { text-align: left; }
            th.group { text-align: center; border-left: 1px solid var(--line); }
            th.first, td.first { border-left: 1px solid var(--line); }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tbody tr:hover { background: #eef5fc; }
            tfoot td { background: var(--soft); font-weight: 600; }
            tfoot tr:first-child td { border-top: 2px solid var(--line); }
            td.best { font-weight: 700; background: #e3f2e6; }
            tbody tr:hover td.best { background: #d3ead8; }
            td.failed { color: var(--bad); font-style: italic; }
            td.failed a { color: inherit; }
            td.missing { color: #9aa0a6; }
            td.agree { color: var(--good); }
            td.disagree { color: var(--bad); font-weight: 600; }
            .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            .figures { display: flex; flex-wrap: wrap; gap: 18px; margin: 12px 0 8px; }
            figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px; background: #fff;
                     max-width: 100%; box-sizing: content-box; }
            figure img { display: block; max-width: 100%; height: auto; }
            figcaption { font-size: 13px; color: var(--muted); margin-top: 6px; }
            ul.notes { list-style: none; padding: 0; }
            ul.notes li { margin: 10px 0; }
            ul.notes .n { display: inline-block; min-width: 2.2em; font-weight: 700; color: var(--bad); }
            ul.notes .where { display: block; margin-left: 2.2em; color: var(--muted); font-size: 14px; }
            footer { color: var(--muted); font-size: 13px; padding: 22px 0 40px; }
            """;

    private HtmlRenderer() {
    }

    static String render(Document document) {
        return render(document, "Anomaly detection benchmark: ADBench protocol, mean ± std over seeds.",
                "Made by dtad from <code>results.csv</code> alone; rebuild it with <code>dtad report OUTDIR</code>.");
    }

    /**
     * The document under its own subtitle (text) and footer (HTML, e.g. with {@code <code>}), for pages other
     * than the benchmark report.
     */
    static String render(Document document, String subtitle, String footerHtml) {
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(out, document, subtitle);
        out.append("<nav><div class=\"wrap\">");
        for (Section section : document.sections()) {
            out.append("<a href=\"#").append(escape(section.anchor())).append("\">").append(escape(section.title()))
                    .append("</a>");
        }
        out.append("</div></nav>\n<main class=\"wrap\">\n");
        for (Section section : document.sections()) {
            out.append("<section id=\"").append(escape(section.anchor())).append("\">\n<h2>")
                    .append(escape(section.title())).append("</h2>\n");
            for (Block block : section.blocks()) {
                block(out, block);
            }
            out.append("</section>\n");
        }
        out.append("</main>\n<footer class=\"wrap\">").append(footerHtml).append("</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, Document document, String subtitle) {
        out.append("<header><div class=\"wrap\">\n<h1>").append(escape(document.title())).append("</h1>\n")
                .append("<p class=\"sub\">").append(escape(subtitle)).append("</p>\n")
                .append("<dl class=\"facts\">\n");
        for (Fact fact : document.facts()) {
            out.append("<div><dt>").append(escape(fact.label())).append("</dt><dd>").append(escape(fact.value()))
                    .append("</dd></div>\n");
        }
        out.append("</dl>\n</div></header>\n");
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Paragraph p) {
            out.append("<p>").append(inline(p.text())).append("</p>\n");
        } else if (block instanceof Table t) {
            table(out, t);
        } else if (block instanceof Figures f) {
            out.append("<div class=\"figures\">\n");
            for (Plot plot : f.plots()) {
                out.append("<figure style=\"width:").append(plot.width()).append("px\"><img width=\"")
                        .append(plot.width()).append("\" height=\"").append(plot.height()).append("\" alt=\"")
                        .append(escape(plot.title())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(plot.png())).append("\">\n<figcaption><b>")
                        .append(escape(plot.title())).append(".</b> ").append(escape(plot.caption()))
                        .append("</figcaption></figure>\n");
            }
            out.append("</div>\n");
        } else if (block instanceof Notes n) {
            out.append("<ul class=\"notes\">\n");
            for (FailureNotes.Note note : n.notes()) {
                out.append("<li id=\"note-").append(note.number()).append("\"><span class=\"n\">[")
                        .append(note.number()).append("]</span><code>").append(escape(note.cause()))
                        .append("</code><span class=\"where\">")
                        .append(escape(String.join("; ", note.cells()))).append("</span></li>\n");
            }
            out.append("</ul>\n");
        } else {
            throw new IllegalStateException("Unknown block " + block);
        }
    }

    private static void table(StringBuilder out, Table table) {
        List<Column> columns = table.columns();
        boolean grouped = columns.stream().anyMatch(c -> c.group() != null);
        out.append(grouped ? "<div class=\"table-wrap\"><table class=\"grouped\">\n<thead>\n"
                : "<div class=\"table-wrap\"><table>\n<thead>\n");
        if (grouped) {
            out.append("<tr>");
            int i = 0;
            while (i < columns.size()) {
                Column c = columns.get(i);
                int span = 1;
                while (i + span < columns.size() && c.group() != null
                        && Objects.equals(columns.get(i + span).group(), c.group())) {
                    span++;
                }
                if (c.group() == null) {
                    out.append("<th rowspan=\"2\">").append(label(c.label(), c.swatch())).append("</th>");
                } else {
                    out.append("<th class=\"group\" colspan=\"").append(span).append("\">")
                            .append(label(c.group(), c.swatch())).append("</th>");
                }
                i += span;
            }
            out.append("</tr>\n<tr>");
            for (int k = 0; k < columns.size(); k++) {
                Column c = columns.get(k);
                if (c.group() != null) {
                    out.append(startsGroup(columns, k) ? "<th class=\"first\">" : "<th>").append(escape(c.label()))
                            .append("</th>");
                }
            }
            out.append("</tr>\n");
        } else {
            out.append("<tr>");
            for (Column c : columns) {
                out.append("<th>").append(label(c.label(), c.swatch())).append("</th>");
            }
            out.append("</tr>\n");
        }
        out.append("</thead>\n<tbody>\n");
        boolean inFooter = false;
        for (Row row : table.rows()) {
            if (row.footer() && !inFooter) {
                out.append("</tbody>\n<tfoot>\n");
                inFooter = true;
            }
            out.append("<tr>");
            for (int k = 0; k < row.cells().size(); k++) {
                cell(out, row.cells().get(k), grouped && startsGroup(columns, k));
            }
            out.append("</tr>\n");
        }
        out.append(inFooter ? "</tfoot>\n" : "</tbody>\n").append("</table></div>\n");
    }

    private static boolean startsGroup(List<Column> columns, int k) {
        String group = columns.get(k).group();
        return group != null && (k == 0 || !Objects.equals(columns.get(k - 1).group(), group));
    }

    private static void cell(StringBuilder out, Cell cell, boolean first) {
        String css = switch (cell.style()) {
            case LABEL, NUMBER -> "";
            case BEST -> "best";
            case FAILED -> "failed";
            case MISSING -> "missing";
            case AGREES -> "agree";
            case DISAGREES -> "disagree";
        };
        String classes = (css + (first ? " first" : "")).strip();
        out.append(classes.isEmpty() ? "<td>" : "<td class=\"" + classes + "\">");
        switch (cell.style()) {
            case LABEL -> out.append(label(cell.text(), cell.swatch()));
            case FAILED -> {
                out.append("failed<sup>");
                for (int i = 0; i < cell.notes().size(); i++) {
                    int n = cell.notes().get(i);
                    out.append(i > 0 ? "," : "").append("<a href=\"#note-").append(n).append("\">").append(n)
                            .append("</a>");
                }
                out.append("</sup>");
            }
            case AGREES -> out.append(escape(cell.text()));
            case DISAGREES -> out.append(escape(cell.text())).append(" ✗");
            default -> out.append(escape(cell.text()));
        }
        out.append("</td>");
    }

    private static String label(String text, Color swatch) {
        if (swatch == null) {
            return escape(text);
        }
        return String.format(Locale.ROOT, "<span class=\"sw\" style=\"background:#%06x\"></span>",
                swatch.getRGB() & 0xFFFFFF) + escape(text);
    }

    /** Escapes text, then turns {@code **bold**} and {@code `code`} into HTML. */
    static String inline(String text) {
        Matcher m = MARKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (m.find()) {
            out.append(escape(text.substring(at, m.start())));
            out.append(m.group(1) != null ? "<strong>" + escape(m.group(1)) + "</strong>"
                    : "<code>" + escape(m.group(2)) + "</code>");
            at = m.end();
        }
        return out.append(escape(text.substring(at))).toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
