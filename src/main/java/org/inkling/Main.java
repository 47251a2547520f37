package org.inkling;

import org.inkling.cli.InklingCommand;

/**
 * The one entry point of the launcher: no arguments opens the desktop app, anything else is a
 * command-line command. It is not a JavaFX {@code Application} itself so that the command line
 * never touches the toolkit.
 */
public final class Main {
    private Main() {}

    /** Model files the app opens by name: Inkling's own, Keras' (.h5, .keras) and a TensorFlow.js model.json. */
    private static final java.util.List<String> MODEL_SUFFIXES = java.util.List.of(org.inkling.nn.ModelFile.EXTENSION, ".h5", ".hdf5", ".keras", ".json");

    /** A lone existing model file: what a file manager passes when a model is double-clicked. */
    static boolean opensModelFile(String[] args) {
        if (args.length != 1) return false;
        String name = args[0].toLowerCase(java.util.Locale.ROOT);
        return MODEL_SUFFIXES.stream().anyMatch(name::endsWith) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensModelFile(args)) {
            try {
                org.inkling.app.InklingApp.launchApp(args);
            } catch (UnsupportedOperationException e) {
                // JavaFX's toolkit could not start: no display (a server, ssh, a container)
                System.err.println("inkling: cannot open a window (" + e.getMessage() + "); the command line needs none: inkling --help");
                System.exit(1);
            }
            return;
        }
        System.exit(InklingCommand.run(args));
    }
}
