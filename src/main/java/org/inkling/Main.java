package org.inkling;

import org.inkling.cli.InklingCommand;

/**
 * The one entry point of the launcher: no arguments opens the desktop app, anything else is a
 * command-line command. It is not a JavaFX {@code Application} itself so that the command line
 * never touches the toolkit.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            org.inkling.app.InklingApp.launchApp(args);
            return;
        }
        System.exit(InklingCommand.run(args));
    }
}
