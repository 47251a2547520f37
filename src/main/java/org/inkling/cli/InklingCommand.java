package org.inkling.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code inkling} command: sub-commands for training, evaluating, predicting and benchmarking. */
@Command(name = "inkling", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Draw a digit, watch a neural network read it, train it on MNIST.")
public final class InklingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and returns the exit code (2 for bad arguments). */
    public static int run(String... args) {
        return new CommandLine(new InklingCommand()).execute(args);
    }
}
