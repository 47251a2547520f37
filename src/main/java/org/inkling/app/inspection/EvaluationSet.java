package org.inkling.app.inspection;

/** What the Evaluate view scores the model on. */
public enum EvaluationSet {
    MNIST_TEST("MNIST test images"),
    MY_DIGITS("My digits"),
    STROKE_FILE("A stroke file");

    private final String label;

    EvaluationSet(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
