import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The toolkit's own start: one Stage with a Label, nothing else. packaging/startup-vs-bare.sh runs it
 * through a copy of Inkling's app-image (same launcher, runtime, JavaFX and display) to time Inkling's
 * start against it.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare JavaFX window");
        stage.setScene(new Scene(new Label("A bare JavaFX window"), 1100, 700));
        stage.show();
    }

    public static void main(String[] args) {
        launch(BareWindow.class, args);
    }
}
