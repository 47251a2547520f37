package org.inkling.app.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inkling.app.model.EngineModelStore;
import org.inkling.app.model.ModelHandle;
import org.inkling.data.TestMnist;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.ink.synth.DigitSynthesizer;
import org.inkling.nn.TrainingControl;
import org.inkling.training.FineTuneRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real teacher's warm-up: a lesson's work on a copy, nothing of the person's touched. */
class EngineTeacherTest {
    @TempDir Path home;

    @Test
    void theWarmUpTeachesACopyLeavingTheModelAndTheSetAsTheyWereAndALessonFollows() throws Exception {
        EngineTeacher teacher = new EngineTeacher(PersonalDigits.in(home), new FineTuneRecipe(8, 10, 5, 2, 32, 1e-3, 1, true, 0));
        ModelHandle shipped = new EngineModelStore().shipped().orElseThrow();
        float[] probe = new float[784];
        for (int i = 300; i < 480; i += 3) probe[i] = 1f;
        float[] before = shipped.classifier().classify(probe);

        teacher.warmUp(shipped, TestMnist.dir(), new TrainingControl());

        assertThat(shipped.classifier().classify(probe)).containsExactly(before);
        assertThat(Files.exists(teacher.file())).as("the person's set").isFalse();
        List<LabeledInk> mine = DigitSynthesizer.generate(1, 99);
        Teacher.Lesson lesson = teacher.teach(shipped, mine, TestMnist.dir());
        // one of each digit, none of "not a digit" (the eleventh class of a base that has it)
        int[] expected = new int[lesson.perClass().length];
        java.util.Arrays.fill(expected, 0, 10, 1);
        assertThat(lesson.perClass()).containsExactly(expected);
        assertThat(lesson.model()).isNotSameAs(shipped);
    }

    @Test
    void aCancelledWarmUpEndsAtOnce() throws Exception {
        EngineTeacher teacher = new EngineTeacher(PersonalDigits.in(home), FineTuneRecipe.standard());
        TrainingControl closing = new TrainingControl();
        closing.cancel();
        teacher.warmUp(new EngineModelStore().shipped().orElseThrow(), TestMnist.dir(), closing);
        // ...and it read nothing: a lesson right after still works as usual
        assertThat(Files.exists(teacher.file())).isFalse();
    }

    @Test
    void withoutMnistTheWarmUpDoesNothing() throws Exception {
        EngineTeacher teacher = new EngineTeacher(PersonalDigits.in(home), FineTuneRecipe.standard());
        ModelHandle shipped = new EngineModelStore().shipped().orElseThrow();
        teacher.warmUp(shipped, null, new TrainingControl()); // nothing to rehearse with: no lesson, and no error either
        assertThat(Files.exists(teacher.file())).isFalse();
    }
}
