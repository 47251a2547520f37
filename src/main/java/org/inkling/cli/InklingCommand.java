package org.inkling.cli;

import java.io.PrintWriter;
import org.inkling.base.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code inkling} command: sub-commands for training, evaluating, predicting and benchmarking. */
@Command(name = "inkling", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, RenderCommand.class, ExplainCommand.class, FinetuneCommand.class,
                BenchCommand.class, ExportCommand.class},
        description = "Draw a digit, watch a neural network read it, train it on MNIST.")
public final class InklingCommand implements Runnable {
    /** The longest message about bad arguments, which may quote them. */
    static final int MAX_ARGUMENT_MESSAGE = 500;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * Failures people can act on print one line; anything unexpected keeps its stack trace for a bug
     * report. An {@link java.io.UncheckedIOException} is an I/O failure that crossed a lambda (a
     * missing font folder while the training set is built), as actionable as a checked one.
     */
    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof CliException || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException
                || e instanceof IllegalArgumentException) {
            cl.getErr().println("inkling " + cl.getCommandName() + ": " + SafeText.forTerminal(e.getMessage()));
            return 1;
        }
        throw e;
    }

    /**
     * Bad arguments, as picocli reports them (the message, then suggestions or the usage), except
     * that the message, which quotes the arguments, is one short line with control characters
     * escaped: an argument can neither drive the terminal nor start a line of its own.
     */
    private static int handleBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getColorScheme().errorText(SafeText.excerpt(e.getMessage(), MAX_ARGUMENT_MESSAGE)));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) cl.usage(err, cl.getColorScheme());
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Runs the command line and returns the exit code (2 for bad arguments). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The command line with Inkling's handlers. Picocli resets every option before each parse, and
     * the commands keep no state between runs, so one instance may execute many argument lists
     * (the argument fuzzer does, as building the command model costs more than most runs).
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new InklingCommand());
        cl.setExecutionExceptionHandler(InklingCommand::handleFailure);
        cl.setParameterExceptionHandler(InklingCommand::handleBadArguments);
        return cl;
    }
}
