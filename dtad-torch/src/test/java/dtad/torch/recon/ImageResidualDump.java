package dtad.torch.recon;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dtad.data.Matrix;
import dtad.detect.DetectorModel;
import dtad.diffusion.NoiseSchedule;
import dtad.image.ImageOptions;
import dtad.image.ImageSplit;
import dtad.image.MnistFiles;
import dtad.model.ModelFiles;
import dtad.torch.NetworkModel;
import dtad.torch.Tensors;
import dtad.torch.TrainedNetwork;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Writes the signed one-step residuals {@code x0_hat - x} (scaled units) of a saved image network on
 * Fashion-MNIST (an evaluation to run by hand, not a test), for scores computed outside from the residuals.
 * Rows: the test images with index divisible by {@code testEvery}, then {@code trainRows} training images.
 * Output: a raw little-endian float32 file {@code [rows, times, draws, d]} and a labels file.
 * <pre>
 * java -cp ... dtad.torch.recon.ImageResidualDump MODEL_DIR CLASS OUT_PREFIX [testEvery=4] [trainRows=1000]
 * </pre>
 */
public final class ImageResidualDump {
    private static final int[] TIMES = {499, 799, 999};
    private static final int DRAWS = 2;

    private ImageResidualDump() {
    }

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        int k = Integer.parseInt(args[1]);
        String out = args[2];
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int trainRows = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        ImageSplit split = ImageSplit.oneClass(
                MnistFiles.readFashionMnist(MnistFiles.DEBIAN_FASHION_MNIST, ImageOptions.DEFAULT), k);
        int[] testSel = IntStream.range(0, split.test().size()).filter(i -> i % every == 0).toArray();
        int trainEvery = Math.max(1, split.train().size() / trainRows);
        int[] trainSel = IntStream.range(0, split.train().size()).filter(i -> i % trainEvery == 0).limit(trainRows)
                .toArray();
        Matrix test = split.test().pixels().selectRows(testSel);
        Matrix train = split.train().pixels().selectRows(trainSel);
        try (ReconstructionModel model = (ReconstructionModel) ModelFiles.load(modelDir)) {
            Method standardize = DetectorModel.class.getDeclaredMethod("standardize", Matrix.class);
            standardize.setAccessible(true);
            Method network = NetworkModel.class.getDeclaredMethod("network");
            network.setAccessible(true);
            TrainedNetwork net = (TrainedNetwork) network.invoke(model);
            NoiseSchedule schedule = NoiseSchedule.linear(1000);
            int d = test.columns();
            int n = test.rows() + train.rows();
            float[] all = new float[n * TIMES.length * DRAWS * d];
            Matrix[] parts = {(Matrix) standardize.invoke(model, test), (Matrix) standardize.invoke(model, train)};
            SplittableRandom random = new SplittableRandom(7);
            int rowOffset = 0;
            for (Matrix rows : parts) {
                for (int ti = 0; ti < TIMES.length; ti++) {
                    int t = TIMES[ti];
                    float signal = (float) Math.sqrt(schedule.alphaBar(t));
                    float deviation = (float) Math.sqrt(1 - schedule.alphaBar(t));
                    for (int draw = 0; draw < DRAWS; draw++) {
                        // rows | noise, so that the head sees both
                        double[] joined = new double[rows.rows() * 2 * d];
                        for (int i = 0; i < rows.rows(); i++) {
                            System.arraycopy(rows.values(), i * d, joined, i * 2 * d, d);
                            for (int j = 0; j < d; j++) {
                                joined[i * 2 * d + d + j] = random.nextGaussian();
                            }
                        }
                        Matrix residual = net.evaluate(Matrix.wrap(rows.rows(), 2 * d, joined), d, (nw, weights, in) -> {
                            Denoiser denoiser = (Denoiser) nw;
                            NDArray x = in.get(":, :" + d);
                            NDArray eps = in.get(":, " + d + ":");
                            NDArray noisy = x.mul(signal).add(eps.mul(deviation));
                            NDArray condition = denoiser.conditioning(weights,
                                    Tensors.floats(in.getManager(), new float[] {t}, new Shape(1)));
                            NDArray predicted = denoiser.predictNoise(weights, noisy, condition, null);
                            return noisy.sub(predicted.mul(deviation)).div(signal).sub(x);
                        });
                        for (int i = 0; i < rows.rows(); i++) {
                            int base = (((rowOffset + i) * TIMES.length + ti) * DRAWS + draw) * d;
                            for (int j = 0; j < d; j++) {
                                all[base + j] = (float) residual.values()[i * d + j];
                            }
                        }
                    }
                }
                rowOffset += rows.rows();
            }
            try (DataOutputStream w = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(Path.of(out + ".f32"))))) {
                for (float v : all) {
                    w.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(v)));
                }
            }
            StringBuilder labels = new StringBuilder();
            for (int i : testSel) {
                labels.append(split.test().labels()[i]).append('\n');
            }
            for (int i = 0; i < train.rows(); i++) {
                labels.append("-1\n");
            }
            Files.writeString(Path.of(out + ".labels"), labels);
            System.out.printf("%d rows x %d times x %d draws x %d%n", n, TIMES.length, DRAWS, d);
        }
    }
}
