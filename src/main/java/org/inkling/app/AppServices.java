package org.inkling.app;

import org.inkling.app.drawing.InkRasterizer;
import org.inkling.app.model.ModelStore;
import org.inkling.app.shared.MnistSource;
import org.inkling.app.training.TrainingRunner;

import java.util.Objects;
import org.inkling.app.teaching.EngineTeacher;
import org.inkling.app.teaching.Teacher;
import org.inkling.base.UserFolders;

/** The outside world the app talks to: the engine, MNIST, model files and the ink renderer. */
public record AppServices(ModelStore models, TrainingRunner trainer, MnistSource mnist, InkRasterizer rasterizer,
                          Teacher teacher) {
    public AppServices {
        Objects.requireNonNull(teacher);
        Objects.requireNonNull(models);
        Objects.requireNonNull(trainer);
        Objects.requireNonNull(mnist);
        Objects.requireNonNull(rasterizer);
    }

    /** With the person's digits in the standard user data folder. */
    public AppServices(ModelStore models, TrainingRunner trainer, MnistSource mnist, InkRasterizer rasterizer) {
        this(models, trainer, mnist, rasterizer, new EngineTeacher(UserFolders.standard().data()));
    }
}
