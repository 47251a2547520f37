package org.inkling.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code inkling} command: sub-commands for training, evaluating, predicting and benchmarking. */
@Command(name = "inkling", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, RenderCommand.class, ExplainCommand.class, FinetuneCommand.class,
                BenchCommand.class, ExportCommand.class},
        description = "Draw a digit, watch a neural network read it, train it on MNIST.")
public final class InklingCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Failures people can act on print one line; anything unexpected keeps its stack trace for a bug report. */
    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof CliException || e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
            cl.getErr().println("inkling " + cl.getCommandName() + ": " + e.getMessage());
            return 1;
        }
        throw e;
    }

    /** Runs the command line and returns the exit code (2 for bad arguments). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new InklingCommand());
        cl.setExecutionExceptionHandler(InklingCommand::handleFailure);
        return cl.execute(args);
    }
}
