/**
 * Neural detectors on DJL's PyTorch engine, and the machinery they share.
 *
 * <ul>
 *   <li>{@link dtad.torch.TorchEngine}: the one door to the engine. It loads libtorch from the
 *       {@code pytorch-native-cpu} jar ({@code ai.djl.offline=true}, one intra-op and one inter-op
 *       thread unless the user set {@code ai.djl.pytorch.num_threads} /
 *       {@code ai.djl.pytorch.num_interop_threads}) and holds the JVM-wide training lock: DJL's
 *       gradient collector is global, so fits in one JVM run one at a time.</li>
 *   <li>{@link dtad.torch.Network} ({@link dtad.torch.Mlp}), {@link dtad.torch.ParameterLayout} and
 *       {@link dtad.torch.ParameterVector}: a network declares its parameter tensors; they live in
 *       one flat float32 buffer that every tensor aliases, which is also the model-file payload.</li>
 *   <li>{@link dtad.torch.TrainingLoop}: the one training loop (epochs, shuffled batches with the last
 *       partial batch kept, {@link dtad.torch.Adam} with torch's semantics, progress, an early-stopping
 *       hook). A detector supplies its network and its {@link dtad.torch.Objective}.</li>
 *   <li>{@link dtad.torch.StepRandom}: every random draw of a fit is made in Java from seeded
 *       {@link java.util.SplittableRandom} streams, never from torch's global generator, so a seeded
 *       fit repeats exactly, whatever else the JVM runs.</li>
 *   <li>{@link dtad.torch.TrainedNetwork} and {@link dtad.torch.NetworkModel}: a fitted network owns one
 *       native manager (closed with the model), scores in fixed blocks of rows (so that a row's score
 *       never depends on the batch) with a sub-manager per block.</li>
 * </ul>
 *
 * <p>Words: a <em>parameter</em> of {@link dtad.torch.ParameterLayout} and {@link dtad.torch.ParameterVector}
 * (and of a model file's parameter payload) is a network weight, something training learns; what a user
 * configures ({@code hidden}, {@code lr}, {@code epochs}, declared by {@link dtad.torch.NetworkParameters}
 * and {@link dtad.method.ParameterTable}) is a <em>hyperparameter</em>, though the CLI calls it a parameter.
 *
 * <p><b>What users touch, and the building blocks.</b> The user-facing types name no DJL type in a public or
 * protected signature: {@link dtad.torch.TorchMethods}, {@link dtad.torch.TrainingSettings}, the detector
 * records and their models in {@code dtad.torch.dte} and {@code dtad.torch.recon} (with
 * {@code ReconstructionSettings}), and {@code ImageSize} and {@code ImageDetector} in
 * {@code dtad.torch.image}. DJL's tensors appear only in the building blocks that the three sub-packages
 * share, which are public because Java has no narrower visibility across packages: {@link dtad.torch.Network}
 * ({@link dtad.torch.Mlp}, {@code recon.Denoiser}), {@link dtad.torch.Objective}, {@link dtad.torch.ParameterVector},
 * {@link dtad.torch.StepRandom}, {@link dtad.torch.Tensors}, {@link dtad.torch.TorchEngine},
 * {@link dtad.torch.TrainedNetwork.Head} and the image layers ({@code Conv2d}, {@code GroupNorm},
 * {@code ImageGrid}). They are not a stable API; a detector record reaches them only through the hook
 * by which the shared fit gets its network ({@code network(int)}, {@code denoiser(int)}). What no other
 * package needs is package-private. {@code PublicSignaturesTest} keeps this list exact.
 *
 * <p>Native memory: one manager per fitted model; a sub-manager per training step, per epoch and per
 * scoring block; nothing is attached to a long-lived manager while training or scoring, so the number
 * of live native arrays ({@link dtad.torch.TorchEngine#liveArrays}) stays flat.
 */
package dtad.torch;
