package org.inkling.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

import javafx.beans.value.ChangeListener;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Tab;
import javafx.util.Callback;

/**
 * A tab whose view is loaded from its FXML the first time the tab is shown. Every node in the scene
 * gets its styles and skin before the first frame, shown or not, so the views of tabs nobody has
 * opened yet would cost start-up time (and, for the Inside tab, a running frame timer) for nothing.
 */
final class LazyTab {
    private LazyTab() {}

    static void install(Tab tab, URL fxml, Callback<Class<?>, Object> controllers) {
        Objects.requireNonNull(fxml);
        if (tab.isSelected()) {
            tab.setContent(load(fxml, controllers));
            return;
        }
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(load(fxml, controllers));
                }
            }
        });
    }

    static javafx.scene.Parent load(URL fxml, Callback<Class<?>, Object> controllers) {
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + fxml + " could not be loaded", e);
        }
    }
}
