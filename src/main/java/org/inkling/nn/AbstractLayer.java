package org.inkling.nn;

import java.util.List;
import java.util.random.RandomGenerator;

/** Holds what every layer keeps after {@link #build}: its name and shapes. */
abstract class AbstractLayer implements Layer {
    private String name;
    private Shape input;
    private Shape output;

    @Override
    public final Shape build(String name, Shape input, RandomGenerator rng) {
        if (this.input != null) {
            throw new IllegalStateException("layer " + this.name + " is already built; use unbuiltCopy()");
        }
        this.name = name;
        this.output = create(input, rng);
        this.input = input;
        return output;
    }

    /** Checks the input shape, creates parameters and returns the output shape. */
    protected abstract Shape create(Shape input, RandomGenerator rng);

    @Override
    public String name() {
        return name;
    }

    @Override
    public Shape inputShape() {
        requireBuilt();
        return input;
    }

    @Override
    public Shape outputShape() {
        requireBuilt();
        return output;
    }

    @Override
    public List<Param> params() {
        return List.of();
    }

    protected final void requireBuilt() {
        if (input == null) throw new IllegalStateException(typeName() + " is not built yet");
    }
}
