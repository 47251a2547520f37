package org.inkling.app;

import org.inkling.app.shared.AppPreferences;
import org.inkling.app.shared.StartupTrace;
import org.inkling.base.UserFolders;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop application: one window over the real engine, MNIST, ink renderer and model files. */
public final class InklingApp extends Application {
    private InklingWindow window;

    public static void launchApp(String[] args) {
        StartupTrace.mark("main() entered");
        org.inkling.app.model.EngineModelStore.startReadingShipped();
        Application.launch(InklingApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started: Application.start");
        window = InklingWindow.show(stage, EngineServices.create(), null, AppPreferences.load(
                UserFolders.standard().config().resolve(AppPreferences.FILE_NAME)));
        // The desktop's "open with Inkling" passes the model file as the only argument.
        getParameters().getRaw().stream().findFirst().map(java.nio.file.Path::of).ifPresent(window::openModel);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
