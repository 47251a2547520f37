package org.inkling.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Measures a model on labelled examples in batches, through the same prediction path as
 * {@link Sequential#predict}. An instance keeps its batch buffers, so the trainer can validate
 * every epoch without allocating; one instance belongs to one thread.
 */
public final class Evaluator {
    private static final int BATCH = 256;

    private final FMatrixRMaj x = new FMatrixRMaj(1, 1);
    private final int[] labels = new int[BATCH];

    /** Cross-entropy loss, accuracy, confusion matrix. */
    public static Evaluation evaluate(Sequential model, Examples data) {
        return new Evaluator().run(model, data, Losses.SPARSE_CATEGORICAL_CROSSENTROPY);
    }

    public static Evaluation evaluate(Sequential model, Examples data, Loss loss) {
        return new Evaluator().run(model, data, loss);
    }

    /** Evaluates {@code data}; the mean loss weighs every example equally. */
    public Evaluation run(Sequential model, Examples data, Loss loss) {
        if (data.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("examples have " + data.inputSize() + " inputs, the model takes " + model.inputSize());
        }
        int classes = model.outputSize(), in = data.inputSize(), n = data.size();
        int[][] confusion = new int[classes][classes];
        double lossSum = 0;
        int correct = 0;
        Sequential.Workspace ws = model.workspace();
        for (int start = 0; start < n; start += BATCH) {
            int rows = Math.min(BATCH, n - start);
            x.reshape(rows, in);
            for (int r = 0; r < rows; r++) {
                data.copyInput(start + r, x.data, r * in);
                labels[r] = Losses.checkLabel(data.label(start + r), classes, start + r);
            }
            FMatrixRMaj out = model.infer(x, ws);
            lossSum += loss.loss(out, labels) * rows;
            for (int r = 0; r < rows; r++) {
                int p = Metrics.argmax(out, r);
                confusion[labels[r]][p]++;
                if (p == labels[r]) correct++;
            }
        }
        return new Evaluation(n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : correct / (double) n, confusion);
    }
}
