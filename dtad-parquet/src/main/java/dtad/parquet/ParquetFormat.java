package dtad.parquet;

import dtad.InputException;
import dtad.data.Dataset;
import dtad.data.Matrix;
import dtad.io.Columns;
import dtad.io.DataTable;
import dtad.io.Messages;
import dtad.io.ReadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a flat Parquet file with Apache Parquet's own reader, locally (no Hadoop file system, no
 * network): every top-level column of numbers (INT32, INT64, FLOAT, DOUBLE, decimals stored as
 * integers) or booleans is a feature unless {@link ReadOptions} makes it the label, the id or a dropped
 * column; nulls are missing values (NaN); the label column holds 0/1 or booleans; the id column may hold
 * text. Nested, repeated and other text columns are refused by name.
 */
public final class ParquetFormat implements dtad.io.TableFormat {
    /** The dtype {@code dtad info} reports. */
    public static final String DTYPE = "parquet";
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    @Override
    public List<String> extensions() {
        return List.of(".parquet");
    }

    @Override
    public DataTable read(Path file, ReadOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": " + (Files.isDirectory(file) ? "is a directory, not a data file" : "file not found"));
        }
        ParquetReadOptions settings = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), settings)) {
            return read(file, reader, options);
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputException(file + ": not a readable Parquet file (" + Messages.clip(String.valueOf(e.getMessage()))
                    + ")", e);
        }
    }

    private static DataTable read(Path file, ParquetFileReader reader, ReadOptions options) throws IOException {
        MessageType schema = reader.getFooter().getFileMetaData().getSchema();
        List<Type> fields = schema.getFields();
        String[] names = new String[fields.size()];
        for (int c = 0; c < names.length; c++) {
            names[c] = fields.get(c).getName();
        }
        Columns columns = Columns.resolve(names, options, file + ": schema");
        for (int c = 0; c < names.length; c++) {
            Type type = fields.get(c);
            boolean kept = columns.isFeature(c) || c == columns.label() || c == columns.id();
            if (kept && (!type.isPrimitive() || type.isRepetition(Type.Repetition.REPEATED))) {
                throw new InputException(file + ": column '" + Messages.clip(names[c])
                        + "' is nested or repeated; only flat columns are read (leave it out with --drop-columns "
                        + Messages.clip(names[c]) + ")");
            }
            if ((columns.isFeature(c) || c == columns.label()) && isText(type.asPrimitiveType())) {
                throw new InputException(file + ": column '" + Messages.clip(names[c]) + "' holds text, not numbers"
                        + " (an identifier? use --id-column " + Messages.clip(names[c]) + "; not wanted? use --drop-columns "
                        + Messages.clip(names[c]) + ")");
            }
        }
        int features = columns.features();
        if (features == 0) {
            throw new InputException(file + ": no feature columns left (" + names.length
                    + " columns, all of them label, id or dropped columns)");
        }
        long total = reader.getRecordCount();
        if (total == 0) {
            throw new InputException(file + ": no data rows");
        }
        if (total * features > MAX_VALUES) {
            throw new InputException(file + ": too many values (" + total + " rows x " + features + " features), at most "
                    + MAX_VALUES + " are supported");
        }
        int rows = (int) total;
        double[] values = new double[rows * features];
        int[] labels = columns.label() < 0 ? null : new int[rows];
        List<String> ids = columns.id() < 0 ? null : new ArrayList<>(rows);
        int row = 0;
        PageReadStore pages;
        while ((pages = reader.readNextRowGroup()) != null) {
            RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema)
                    .getRecordReader(pages, new GroupRecordConverter(schema));
            for (long i = 0; i < pages.getRowCount(); i++, row++) {
                Group group = records.read();
                int at = row * features;
                for (int c = 0; c < names.length; c++) {
                    if (c == columns.id()) {
                        ids.add(group.getFieldRepetitionCount(c) == 0 ? "" : group.getValueToString(c, 0));
                    } else if (c == columns.label()) {
                        labels[row] = label(file, group, c, names[c], row);
                    } else if (columns.isFeature(c)) {
                        values[at++] = number(group, c, fields.get(c).asPrimitiveType());
                    }
                }
            }
        }
        Matrix x = Matrix.wrap(rows, features, Arrays.copyOf(values, rows * features));
        Dataset data = new Dataset(baseName(file), x, labels);
        return new DataTable(data, DTYPE, columns.featureNames(names), ids);
    }

    private static boolean isText(PrimitiveType type) {
        PrimitiveType.PrimitiveTypeName kind = type.getPrimitiveTypeName();
        return kind == PrimitiveType.PrimitiveTypeName.BINARY || kind == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                || kind == PrimitiveType.PrimitiveTypeName.INT96;
    }

    /** A cell as a double: null is NaN, booleans are 0/1, integer decimals are scaled. */
    private static double number(Group group, int c, PrimitiveType type) {
        if (group.getFieldRepetitionCount(c) == 0) {
            return Double.NaN;
        }
        double value = switch (type.getPrimitiveTypeName()) {
            case DOUBLE -> group.getDouble(c, 0);
            case FLOAT -> group.getFloat(c, 0);
            case INT32 -> group.getInteger(c, 0);
            case INT64 -> group.getLong(c, 0);
            case BOOLEAN -> group.getBoolean(c, 0) ? 1 : 0;
            default -> throw new IllegalStateException("unexpected type " + type);
        };
        if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            value = value / Math.pow(10, decimal.getScale());
        }
        return value;
    }

    private static int label(Path file, Group group, int c, String name, int row) {
        if (group.getFieldRepetitionCount(c) == 0) {
            throw new InputException(file + ": row " + (row + 1) + " (from 1): the label in column '" + Messages.clip(name)
                    + "' is missing");
        }
        String text = group.getValueToString(c, 0);
        if (text.equals("1") || text.equals("1.0") || text.equalsIgnoreCase("true")) {
            return 1;
        }
        if (text.equals("0") || text.equals("0.0") || text.equalsIgnoreCase("false")) {
            return 0;
        }
        throw new InputException(file + ": row " + (row + 1) + " (from 1): labels in column '" + Messages.clip(name)
                + "' must be 0 or 1 (or true or false), found '" + Messages.clip(text) + "'");
    }

    private static String baseName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
