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
        atlantafx.base.theme.Theme theme = dark.get() ? new PrimerDark() : new PrimerLight();
        // The binary form of the same stylesheet: parsing the 165 KB text costs start-up time.
        String bss = theme.getUserAgentStylesheetBSS();
        Application.setUserAgentStylesheet(bss != null ? bss : theme.getUserAgentStylesheet());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}
