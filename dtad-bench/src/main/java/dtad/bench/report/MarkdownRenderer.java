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
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a report document as GitHub-flavoured Markdown ({@code summary.md}); plots are linked as
 * {@code plots/NAME.png}, relative to the Markdown file.
 */
final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    static String render(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(document.title()).append("\n\n");
        for (Fact fact : document.facts()) {
            out.append("- **").append(fact.label()).append(":** ").append(escape(fact.value())).append('\n');
        }
        for (Section section : document.sections()) {
            out.append("\n## ").append(section.title()).append("\n");
            for (Block block : section.blocks()) {
                out.append('\n');
                block(out, block);
            }
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        if (block instanceof Paragraph p) {
            out.append(p.text()).append('\n');
        } else if (block instanceof Table t) {
            table(out, t);
        } else if (block instanceof Figures f) {
            f.plots().forEach(p -> out.append("![").append(p.title()).append("](plots/").append(p.fileName())
                    .append(")\n"));
        } else if (block instanceof Notes n) {
            n.notes().forEach(note -> out.append("- [").append(note.number()).append("] ").append(code(note.cause()))
                    .append(" — ").append(escape(String.join("; ", note.cells()))).append('\n'));
        } else {
            throw new IllegalStateException("Unknown block " + block);
        }
    }

    private static void table(StringBuilder out, Table table) {
        List<Column> columns = table.columns();
        out.append('|');
        for (Column c : columns) {
            out.append(' ').append(escape(c.group() == null ? c.label() : c.group() + " " + c.label())).append(" |");
        }
        out.append("\n|");
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? ":---|" : "---:|");
        }
        out.append('\n');
        for (Row row : table.rows()) {
            out.append('|');
            for (Cell cell : row.cells()) {
                String text = cell(cell);
                out.append(' ').append(row.footer() && cell.style() == Document.Style.LABEL ? "*" + text + "*" : text)
                        .append(" |");
            }
            out.append('\n');
        }
    }

    private static String cell(Cell cell) {
        String text = escape(cell.text());
        return switch (cell.style()) {
            case LABEL, NUMBER, MISSING -> text;
            case BEST -> "**" + text + "**";
            case FAILED -> text + " " + cell.notes().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ", "[", "]"));
            case AGREES -> text + " ✓";
            case DISAGREES -> text + " ✗";
        };
    }

    /** Text that Markdown shows as it is: characters that would format or end a cell are escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.replace('\n', ' ').toCharArray()) {
            if ("\\`*|[]<>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span that holds any text, backticks included. */
    private static String code(String text) {
        String fence = text.contains("`") ? "`` " : "`";
        return fence + text.replace('\n', ' ') + new StringBuilder(fence).reverse();
    }
}
