package org.inkling.training;

/**
 * A training recipe that cannot be trained, with the setting at fault, so that a form can show the
 * message beside its field and the command line can name the option.
 */
public final class RecipeException extends IllegalArgumentException {
    private final String field;

    public RecipeException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The recipe field at fault, as in {@link TrainingRecipe}'s map keys (e.g. {@code "epochs"}). */
    public String field() {
        return field;
    }
}
