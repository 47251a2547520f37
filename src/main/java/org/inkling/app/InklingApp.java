package org.inkling.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application. */
public final class InklingApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(InklingApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Inkling");
        stage.setScene(new Scene(new Label("Inkling"), 800, 600));
        stage.show();
    }
}
