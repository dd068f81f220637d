package dtad.cli;

import dtad.detect.DetectorModel;
import dtad.io.DataFiles;
import dtad.io.DataTable;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads a table to score or explain with a model: its feature columns matched to the model's, all finite. */
final class ModelRows {
    private ModelRows() {
    }

    /**
     * The rows of {@code data} with the model's features, by name unless {@code byPosition} (or the file has no
     * header); refuses a wrong number or set of columns and infinite values, naming the file; says on {@code err}
     * which missing cells were filled.
     */
    static DataTable read(Path data, TableOptions table, boolean byPosition, DetectorModel fitted, Path model,
            PrintWriter err) {
        DataTable read = DataFiles.readTable(data, table.toReadOptions());
        boolean positional = byPosition || table.noHeader;
        if (read.data().x().columns() != fitted.features() && (positional || read.featureNames() == null
                || fitted.trainingInfo().featureNames() == null)) {
            throw new IllegalArgumentException(data + ": has " + read.data().x().columns() + " features, the model "
                    + model + " expects " + fitted.features());
        }
        if (!positional) {
            read = read.alignTo(fitted.trainingInfo().featureNames(), data.toString());
        }
        read.requireFinite(data.toString());
        String filled = MissingValues.report(read);
        if (!filled.isEmpty()) {
            err.println(filled); // the user should know which cells were filled before trusting the scores
        }
        return read;
    }
}
