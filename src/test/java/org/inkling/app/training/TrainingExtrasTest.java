package org.inkling.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.inkling.models.Models;
import org.inkling.training.TrainingRecipe;
import org.junit.jupiter.api.Test;

/** The form's "More options": the command line's flags that make a network answer "not a digit". */
class TrainingExtrasTest {

    @Test
    void readsTheFlagsAsTheCommandLineWritesThemAndWritesThemBack() {
        TrainingExtras e = TrainingExtras.parse(" --non-digits 9000  --calibration-holdout=1000 --font-glyphs 30 --broad-nib 3000 --textura 0.5 ");
        assertThat(e).isEqualTo(new TrainingExtras(9000, 1000, 30, 3000, 0.5));
        assertThat(e.toText()).isEqualTo("--non-digits 9000 --calibration-holdout 1000 --font-glyphs 30 --broad-nib 3000 --textura 0.5");
        assertThat(TrainingExtras.parse(e.toText())).isEqualTo(e);
        assertThat(TrainingExtras.parse("")).isEqualTo(TrainingExtras.NONE);
        assertThat(TrainingExtras.NONE.toText()).isEmpty();
    }

    @Test
    void saysWhatIsWrongWithTypedText() {
        assertThat(TrainingExtras.error("--non-digits")).isEqualTo("--non-digits needs a value");
        assertThat(TrainingExtras.error("--non-digits lots")).contains("whole number from 0 to 200000");
        assertThat(TrainingExtras.error("--non-digits -1")).contains("whole number");
        assertThat(TrainingExtras.error("--textura 1.5")).isEqualTo("--textura takes a fraction from 0 to 1");
        assertThat(TrainingExtras.error("--textura NaN")).isNotNull();
        assertThat(TrainingExtras.error("--epochs 3")).startsWith("'--epochs' is not one of --non-digits");
        assertThat(TrainingExtras.error("x".repeat(5_000))).startsWith("At most");
        assertThat(TrainingExtras.error("--broad-nib 0")).isNull();
        assertThatThrownBy(() -> TrainingExtras.parse("9000")).hasMessageContaining("'9000' is not one of");
    }

    @Test
    void trainLikeTheShippedModelTrainsItsRecipeWithEveryOption() throws Exception {
        TrainingRecipe shipped = TrainingRecipe.fromMap(Models.builtIn().recipe());
        org.inkling.app.UiQueue ui = new org.inkling.app.UiQueue();
        try (org.inkling.app.shared.TaskExecutor tasks = org.inkling.app.shared.TaskExecutor.withDaemonThreads(ui)) {
            formCarriesTheRecipe(new TrainingViewModel(new org.inkling.app.Fakes.Runner(1, 0), new org.inkling.app.Fakes.Mnist(),
                    new org.inkling.app.Fakes.Dialogs(), tasks, ui, System::nanoTime), shipped);
        }
    }

    /** The command line the form's run records, less the form's explicit default rate (Adam's 0.001). */
    private static java.util.List<String> trainedBy(TrainingViewModel vm) {
        java.util.List<String> args = new java.util.ArrayList<>(vm.request(Path.of("mnist")).recipe().commandLine());
        int lr = args.indexOf("--lr");
        if (lr >= 0 && args.get(lr + 1).equals("0.001")) {
            args.subList(lr, lr + 2).clear();
        }
        return args;
    }

    private static void formCarriesTheRecipe(TrainingViewModel vm, TrainingRecipe shipped) {
        vm.fill(shipped);
        assertThat(vm.validProperty().get()).as(String.valueOf(vm.extrasErrorProperty().get())).isTrue();
        assertThat(trainedBy(vm)).isEqualTo(shipped.commandLine());
        assertThat(TrainingPreset.BUILT_IN_CNN.recipe().commandLine()).as("the preset of the shipped recipe")
                .isEqualTo(shipped.commandLine());
        // a preset without them clears them, and what the form remembers brings them back
        var remembered = vm.formValues();
        vm.applyPreset(TrainingPreset.QUICK_MLP);
        assertThat(vm.extrasProperty().get()).isEmpty();
        vm.restoreForm(remembered);
        assertThat(trainedBy(vm)).isEqualTo(shipped.commandLine());
    }
}
