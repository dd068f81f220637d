package dtad.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A {@link DtadModel} on any file system Hadoop reaches (local disk, HDFS, S3): the files of the dtad model
 * directory as they are, so the directory loads with {@code dtad score} and
 * {@link dtad.model.ModelFiles#load}, plus one extra file, {@value #SPARK_FILE}, with the Spark-side
 * settings (uid, columns, threshold). A plain dtad model directory, without that file, loads too.
 */
final class ModelStore {
    /** The Spark-side settings; dtad's own loader ignores files its manifest does not list. */
    static final String SPARK_FILE = "spark-model.json";
    /**
     * Spark's own stage metadata (class, uid, version, as its DefaultParamsWriter writes them), which
     * {@code PipelineModel.load} reads to find the class of each stage before calling its {@code read()}.
     */
    static final String SPARK_METADATA = "metadata/part-00000";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelStore() {
    }

    /** A model directory read back: the dtad files and the Spark settings (empty for a plain dtad model). */
    record Stored(ModelBytes files, Map<String, Object> spark) {
    }

    static void write(String path, ModelBytes files, Map<String, Object> spark, Configuration conf) throws IOException {
        Path root = new Path(path);
        FileSystem fs = root.getFileSystem(conf);
        fs.setWriteChecksum(false); // no .crc files beside the model files
        fs.mkdirs(root);
        for (Map.Entry<String, byte[]> e : files.files().entrySet()) {
            try (FSDataOutputStream out = fs.create(new Path(root, e.getKey()), false)) {
                out.write(e.getValue());
            }
        }
        try (OutputStream out = fs.create(new Path(root, SPARK_FILE), false)) {
            out.write(JSON.writeValueAsBytes(spark));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("class", spark.get("class"));
        metadata.put("timestamp", System.currentTimeMillis());
        metadata.put("sparkVersion", spark.get("sparkVersion"));
        metadata.put("uid", spark.get("uid"));
        metadata.put("paramMap", Map.of());
        try (OutputStream out = fs.create(new Path(root, SPARK_METADATA), false)) {
            out.write(new ObjectMapper().writeValueAsBytes(metadata)); // one line, as Spark reads it
            out.write('\n');
        }
    }

    @SuppressWarnings("unchecked")
    static Stored read(String path, Configuration conf) throws IOException {
        Path root = new Path(path);
        FileSystem fs = root.getFileSystem(conf);
        if (!fs.exists(root)) {
            throw new dtad.InputException(path + ": not a model directory (does not exist)");
        }
        Path qualifiedRoot = fs.getFileStatus(root).getPath();
        String prefix = qualifiedRoot.toUri().getPath();
        prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Object> spark = new LinkedHashMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus status = it.next();
            String relative = status.getPath().toUri().getPath().substring(prefix.length());
            if (relative.startsWith(".") || relative.contains("/.") || relative.endsWith(".crc")
                    || relative.startsWith("metadata/")) {
                continue; // Hadoop's checksum files, hidden files and Spark's metadata are not part of the model
            }
            byte[] bytes = readAll(fs, status.getPath());
            if (relative.equals(SPARK_FILE)) {
                spark = JSON.readValue(bytes, Map.class);
            } else {
                files.put(relative, bytes);
            }
        }
        if (files.isEmpty()) {
            throw new dtad.InputException(path + ": not a dtad model (the directory is empty)");
        }
        return new Stored(ModelBytes.of(files), spark);
    }

    private static byte[] readAll(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
