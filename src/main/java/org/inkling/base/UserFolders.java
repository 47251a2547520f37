package org.inkling.base;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Inkling keeps a person's files, as each platform expects: settings in the config folder
 * ({@code $XDG_CONFIG_HOME/inkling}, default {@code ~/.config/inkling}; {@code %APPDATA%\Inkling} on
 * Windows; {@code ~/Library/Application Support/Inkling} on macOS), their own data (taught digits)
 * in the data folder ({@code $XDG_DATA_HOME/inkling}, default {@code ~/.local/share/inkling};
 * {@code %LOCALAPPDATA%\Inkling}; the same Application Support folder on macOS).
 *
 * <p>{@code -Dinkling.home=DIR} puts both under one folder, for tests and portable installs.
 */
public record UserFolders(Path config, Path data) {
    public static UserFolders standard() {
        return of(System.getProperty("inkling.home"), System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The folders for an environment; {@code home} overrides everything when not null. */
    public static UserFolders of(String home, Map<String, String> env, String osName, Path userHome) {
        if (home != null && !home.isBlank()) {
            Path h = Path.of(home);
            return new UserFolders(h.resolve("config"), h.resolve("data"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = dir(env.get("APPDATA"), userHome.resolve("AppData").resolve("Roaming"));
            Path local = dir(env.get("LOCALAPPDATA"), userHome.resolve("AppData").resolve("Local"));
            return new UserFolders(roaming.resolve("Inkling"), local.resolve("Inkling"));
        }
        if (os.startsWith("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("Inkling");
            return new UserFolders(support, support);
        }
        Path config = dir(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config"));
        Path data = dir(env.get("XDG_DATA_HOME"), userHome.resolve(".local").resolve("share"));
        return new UserFolders(config.resolve("inkling"), data.resolve("inkling"));
    }

    /** The XDG rule: a variable that is unset, empty or not absolute is ignored. */
    private static Path dir(String value, Path fallback) {
        if (value == null || value.isBlank()) return fallback;
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }
}
