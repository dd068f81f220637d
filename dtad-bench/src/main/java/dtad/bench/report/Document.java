package dtad.bench.report;

import java.awt.Color;
import java.util.List;

/**
 * The report as a document, built once and rendered alike to Markdown ({@link MarkdownRenderer}) and
 * HTML ({@link HtmlRenderer}): a title, the facts of the run, and sections of blocks.
 */
record Document(String title, List<Fact> facts, List<Section> sections) {

    /** One fact of the run, such as {@code Seeds: 0, 1, 2}. */
    record Fact(String label, String value) {
    }

    /** A titled part of the report; {@code anchor} is its id in the HTML. */
    record Section(String anchor, String title, List<Block> blocks) {
    }

    sealed interface Block permits Paragraph, Table, Figures, Notes {
    }

    /** Running text; {@code **...**} marks bold. */
    record Paragraph(String text) implements Block {
    }

    /** A table; the first column holds row labels. */
    record Table(List<Column> columns, List<Row> rows) implements Block {
    }

    /**
     * A table column; consecutive columns with the same non-null group share a header above them.
     * A method's column carries the method's colour.
     */
    record Column(String label, String group, Color swatch) {
        static Column of(String label) {
            return new Column(label, null, null);
        }
    }

    /** A table row; footer rows (averages, ranks) are set apart from the body. */
    record Row(List<Cell> cells, boolean footer) {
    }

    /**
     * A table cell: its text, how to show it, the numbers of the failure notes it refers to, and a
     * method's colour for a label that names a method (else null).
     */
    record Cell(String text, Style style, List<Integer> notes, Color swatch) {
        static Cell label(String text) {
            return new Cell(text, Style.LABEL, List.of(), null);
        }

        static Cell method(String method, Color swatch) {
            return new Cell(method, Style.LABEL, List.of(), swatch);
        }

        static Cell number(String text) {
            return new Cell(text, Style.NUMBER, List.of(), null);
        }

        static Cell number(String text, boolean best) {
            return new Cell(text, best ? Style.BEST : Style.NUMBER, List.of(), null);
        }

        static Cell failed(List<Integer> notes) {
            return new Cell("failed", Style.FAILED, notes, null);
        }

        static Cell missing() {
            return new Cell("–", Style.MISSING, List.of(), null);
        }
    }

    enum Style {
        /** A row label, left-aligned. */
        LABEL,
        /** A plain number. */
        NUMBER,
        /** The best number of its row or column, bold. */
        BEST,
        /** A failed cell: the word {@code failed} and its note numbers, never a number. */
        FAILED,
        /** Nothing to show. */
        MISSING,
        /** Agrees with the published value. */
        AGREES,
        /** Disagrees with the published value. */
        DISAGREES
    }

    /** Plots shown side by side where there is room. */
    record Figures(List<Plot> plots) implements Block {
    }

    /** The numbered causes of failed cells. */
    record Notes(List<FailureNotes.Note> notes) implements Block {
    }
}
