package dtad.spark;

import dtad.data.Matrix;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Scores one partition: takes the executor's shared model for the broadcast files
 * ({@link ExecutorModels}), reads the rows in batches, and appends the score and, when a threshold is
 * set, the 0/1 label to each row. A model scores every row on its own (see
 * {@link dtad.detect.DetectorModel#score}), so a row's score depends neither on its partition nor on
 * its batch.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Broadcast<ModelBytes> files;
    private final FeatureColumn features;
    private final double threshold;
    private final int batchRows;

    /**
     * @param threshold the score above which a row is labelled 1, or NaN for no label column
     */
    PartitionScorer(String uid, Broadcast<ModelBytes> files, FeatureColumn features, double threshold, int batchRows) {
        this.uid = uid;
        this.files = files;
        this.features = features;
        this.threshold = threshold;
        this.batchRows = batchRows;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return rows;
        }
        ExecutorModels.Lease lease = ExecutorModels.acquire(uid, files.value());
        TaskContext task = TaskContext.get();
        int partition = -1;
        if (task != null) {
            partition = task.partitionId();
            task.addTaskCompletionListener((TaskCompletionListener) context -> lease.close());
        }
        return new Batches(rows, lease, partition);
    }

    /** The scored rows, one batch ahead of the caller. */
    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> input;
        private final ExecutorModels.Lease lease;
        private final int partition;
        private final List<Row> batch = new ArrayList<>();
        private double[] scores = new double[0];
        private int next;
        private long rowsRead;

        Batches(Iterator<Row> input, ExecutorModels.Lease lease, int partition) {
            this.input = input;
            this.lease = lease;
            this.partition = partition;
        }

        @Override
        public boolean hasNext() {
            if (next < batch.size()) {
                return true;
            }
            if (!input.hasNext()) {
                lease.close(); // the last batch is scored: this task no longer needs the model
                return false;
            }
            scoreNextBatch();
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = batch.get(next);
            double score = scores[next++];
            int width = row.size();
            Object[] values = new Object[Double.isNaN(threshold) ? width + 1 : width + 2];
            for (int i = 0; i < width; i++) {
                values[i] = row.get(i);
            }
            values[width] = score;
            if (!Double.isNaN(threshold)) {
                values[width + 1] = score > threshold ? 1.0 : 0.0;
            }
            return RowFactory.create(values);
        }

        private void scoreNextBatch() {
            batch.clear();
            next = 0;
            while (batch.size() < batchRows && input.hasNext()) {
                batch.add(input.next());
            }
            int columns = lease.model().features();
            double[] values = new double[batch.size() * columns];
            for (int r = 0; r < batch.size(); r++) {
                features.copy(batch.get(r), ++rowsRead, partition, values, r * columns);
            }
            scores = lease.model().score(Matrix.wrap(batch.size(), columns, values));
        }
    }
}
