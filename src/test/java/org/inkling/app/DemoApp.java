package org.inkling.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** TEMPORARY: the window over fakes, to look at the layout before the engine lands. */
public final class DemoApp extends Application {
    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) {
        Fakes.Mnist mnist = new Fakes.Mnist();
        mnist.folder = java.nio.file.Path.of("/tmp");
        InklingWindow.show(stage, new AppServices(new Fakes.Store(), new Fakes.Runner(50, 20), mnist, new InkRendererRasterizer()), null);
    }
}
