package org.inkling.data;

/**
 * The four MNIST files, with their canonical names and the SHA-256 of their decoded (uncompressed)
 * bytes. Hashing decoded bytes lets any copy be accepted however it was compressed; the values are
 * those of {@code ../shared/data/mnist/SHA256SUMS.uncompressed}, which match the original
 * distribution.
 */
public enum MnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    TRAIN_LABELS("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    TEST_IMAGES("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    TEST_LABELS("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    private final String fileName;
    private final String sha256;

    MnistFile(String fileName, String sha256) {
        this.fileName = fileName;
        this.sha256 = sha256;
    }

    /** The canonical name without compression suffix, e.g. {@code train-images-idx3-ubyte}. */
    public String fileName() {
        return fileName;
    }

    /** The gzipped name the mirrors serve, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String gzipName() {
        return fileName + ".gz";
    }

    /** Lower-case hex SHA-256 of the decoded file. */
    public String sha256() {
        return sha256;
    }
}
