package org.inkling.app.shared;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark: switches the AtlantaFX Primer theme; canvas and chart views follow the property. */
public final class ThemeSwitch {
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeSwitch() {
        dark.addListener((obs, old, now) -> apply());
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}
