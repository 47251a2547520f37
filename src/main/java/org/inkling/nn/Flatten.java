package org.inkling.nn;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras' {@code Flatten}: an image becomes a flat vector in channels-last order. Every example
 * already is one row, so only the shape changes; the training passes hand the same matrix on.
 */
public final class Flatten extends AbstractLayer {
    @Override
    protected Shape create(Shape in, RandomGenerator rng) {
        return Shape.flat(in.size());
    }

    @Override
    public String typeName() {
        return "Flatten";
    }

    @Override
    public String namePrefix() {
        return "flatten";
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        return x;
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient) {
        return needInputGradient ? dOut : null;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        System.arraycopy(x.data, 0, result.data, 0, x.numRows * x.numCols);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "flatten");
    }

    @Override
    public Layer unbuiltCopy() {
        return new Flatten();
    }
}
