package dtad.image;

/**
 * The images a detector is fitted on and the labelled images it is scored on.
 *
 * @param train the training images
 * @param test  the test images, usually with 0/1 labels (1 = anomaly)
 */
public record ImageSplit(ImageSet train, ImageSet test) {

    public ImageSplit {
        if (!train.shape().equals(test.shape())) {
            throw new IllegalArgumentException("Training images are " + train.shape() + ", test images "
                    + test.shape());
        }
    }

    /**
     * The one-class protocol on a data set with a training and a test split of the same classes (Ruff et al.,
     * "Deep One-Class Classification", ICML 2018, and the image anomaly-detection papers since): class
     * {@code normalClass} is normal; the training images are the training split's images of that class (label
     * 0), the test images the whole test split, labelled 0 for that class and 1 for every other class. Both sets
     * are named {@code <name>_<normalClass>}, e.g. {@code FashionMNIST_3} (the name of {@code classes.train()}).
     */
    public static ImageSplit oneClass(ImageSplit classes, int normalClass) {
        ImageSet trainSplit = classes.train();
        ImageSet normal = trainSplit.select(trainSplit.indicesOfClass(normalClass));
        String name = trainSplit.name() + "_" + normalClass;
        ImageSet train = normal.withLabels(new int[normal.size()]).withName(name);
        ImageSet test = classes.test().labelledNormalClass(normalClass).withName(name);
        return new ImageSplit(train, test);
    }
}
