package dtad.torch.dte;

import dtad.detect.Detector;
import dtad.torch.Network;

/**
 * A DTE-C configuration: a network with one logit per diffusion-time bin, trained with DTE-C's
 * objective, whose fitted model ({@link CategoricalDTEModel}) scores the expected bin. Tabular rows use
 * an MLP ({@link CategoricalDTE}), images a small CNN ({@link ImageCategoricalDTE}).
 */
public sealed interface TimeBinClassifier extends Detector<CategoricalDTEModel>
        permits CategoricalDTE, ImageCategoricalDTE {

    /** The number of time bins (classes). */
    int bins();

    /** The classifier for rows of {@code features} values. */
    Network network(int features);
}
