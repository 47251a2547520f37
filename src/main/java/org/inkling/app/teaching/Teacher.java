package org.inkling.app.teaching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.inkling.app.model.ModelHandle;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.nn.TrainingControl;

/** What the "Your digits" room needs of the outside world: the person's set on disk, and the fine-tune. Called off the FX thread. */
public interface Teacher {
    /** The person's set; damaged lines are skipped and named in the contents' problems. */
    PersonalDigits.Contents read() throws IOException;

    /** Appends one drawing crash-safely. */
    void append(PersonalDigits.Entry entry) throws IOException;

    /** Replaces the whole set atomically (delete, relabel, import). */
    void writeAll(List<PersonalDigits.Entry> entries) throws IOException;

    /** Reads another stroke file (an import); lines without a label are problems. */
    PersonalDigits.Contents readFile(Path file) throws IOException;

    /** Writes the set to another file (an export), atomically. */
    void export(Path file, List<PersonalDigits.Entry> entries) throws IOException;

    /** Fine-tunes {@code base} on the drawings; quick, without the measures. */
    Lesson teach(ModelHandle base, List<LabeledInk> drawings, Path mnistFolder) throws Exception;

    /** The measures of a lesson: before, cross-validated after, MNIST test after; returns the model with them recorded. */
    Checked check(ModelHandle base, Lesson lesson, List<LabeledInk> drawings, Path mnistFolder) throws Exception;

    /**
     * Does the work of a first lesson on a throwaway copy of {@code base} (MNIST read, the kernels
     * compiled), so that the person's own first lesson takes what later ones do; its result is
     * dropped. It ends early when {@code control} is cancelled (the window closing).
     */
    default void warmUp(ModelHandle base, Path mnistFolder, TrainingControl control) throws Exception {}

    /** A taught model and what went into it. */
    record Lesson(ModelHandle model, int[] perClass, double seconds) {}

    /** {@code after} is NaN when the set is too small to cross-validate; {@code testAccuracy} NaN without MNIST. */
    record Checked(ModelHandle model, double before, double after, int folds, double testAccuracy, double seconds) {}
}
