package org.inkling;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Several fuzz targets in one JVM, so that a short run of all of them pays for starting Java and
 * instrumenting the classes once instead of once a target ({@code fuzz/run.sh --one-jvm}, what
 * {@code mvn verify} runs). The input's first byte picks the target (its index modulo their number,
 * in the order of {@code -Dinkling.fuzz.targets}, a comma-separated list of classes), the rest is
 * that target's input: an input found here replays in {@code FuzzCorpusTest} without its first byte.
 * Each target may spend {@code -Dinkling.fuzz.budget.seconds} in total on its inputs (not counting
 * its first, which loads and instruments its classes); after that its inputs return at once, so a
 * slow target cannot take the time of the others, and once every target has spent its time the run
 * ends (exit code 0, as at libFuzzer's {@code -max_total_time}, which stays a ceiling).
 */
public class AllFuzz {
    private static final List<String> names = new ArrayList<>();
    private static final List<MethodHandle> targets = new ArrayList<>();
    private static long budgetNanos;
    private static long[] spent;
    private static long[] inputs;

    public static void fuzzerInitialize() throws ReflectiveOperationException {
        String list = System.getProperty("inkling.fuzz.targets", "");
        for (String c : list.split(",")) {
            if (c.isBlank()) continue;
            Class<?> target = Class.forName(c.strip());
            names.add(target.getSimpleName());
            targets.add(MethodHandles.publicLookup().findStatic(target, "fuzzerTestOneInput",
                    MethodType.methodType(void.class, byte[].class)));
        }
        if (targets.isEmpty()) throw new IllegalStateException("no targets: give -Dinkling.fuzz.targets=CLASS,CLASS,...");
        budgetNanos = (long) (Double.parseDouble(System.getProperty("inkling.fuzz.budget.seconds", "0")) * 1e9);
        spent = new long[targets.size()];
        inputs = new long[targets.size()];
        Runtime.getRuntime().addShutdownHook(new Thread(AllFuzz::printTally));
    }

    public static void fuzzerTestOneInput(byte[] input) throws Throwable {
        if (input.length == 0) return;
        int t = (input[0] & 0xFF) % targets.size();
        if (budgetNanos > 0 && spent[t] >= budgetNanos) return;
        long start = inputs[t] == 0 ? Long.MIN_VALUE : System.nanoTime();
        try {
            targets.get(t).invokeExact(Arrays.copyOfRange(input, 1, input.length));
        } catch (Throwable e) {
            System.err.println("fuzz: the finding is " + names.get(t) + "'s (its input is the reproducer without the first byte)");
            throw e;
        } finally {
            if (start != Long.MIN_VALUE) spent[t] += System.nanoTime() - start;
            inputs[t]++;
        }
        if (budgetNanos > 0 && spent[t] >= budgetNanos && allSpent()) {
            System.err.println("fuzz: every target has spent its " + budgetNanos / 1e9 + " s");
            System.exit(0);
        }
    }

    private static boolean allSpent() {
        for (long s : spent) if (s < budgetNanos) return false;
        return true;
    }

    /** One line a target, which fuzz/run.sh reports: {@code fuzz-target NAME INPUTS SECONDS}. */
    private static void printTally() {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < targets.size(); t++) {
            sb.append(String.format(Locale.ROOT, "fuzz-target %s %d %.1f%n", names.get(t), inputs[t], spent[t] / 1e9));
        }
        System.err.print(sb);
    }
}
