package org.inkling;

import org.inkling.cli.InklingCommand;

/**
 * The one entry point of the launcher: no arguments opens the desktop app, anything else is a
 * command-line command. It is not a JavaFX {@code Application} itself so that the command line
 * never touches the toolkit.
 */
public final class Main {
    private Main() {}

    /** A lone existing {@code .inkling} file: what a file manager passes when a model is double-clicked. */
    static boolean opensModelFile(String[] args) {
        return args.length == 1 && args[0].endsWith(org.inkling.nn.ModelFile.EXTENSION) && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensModelFile(args)) {
            org.inkling.app.InklingApp.launchApp(args);
            return;
        }
        System.exit(InklingCommand.run(args));
    }
}
