package org.inkling.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: one window over the real engine, MNIST, ink renderer and model files. */
public final class InklingApp extends Application {
    private InklingWindow window;

    public static void launchApp(String[] args) {
        Application.launch(InklingApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        window = InklingWindow.show(stage, EngineServices.create(), null);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
