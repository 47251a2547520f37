package org.inkling.bench;

/**
 * Runs JMH with the options in system property {@code jmh.args} (split on spaces), so that
 * {@code mvn -Pbench ... -Djmh.args="GemmBenchmark -p shape=mult_128x512x784"} can pass several.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        String opts = System.getProperty("jmh.args", "").trim();
        String[] jmh = opts.isEmpty() ? args : opts.split("\\s+");
        org.openjdk.jmh.Main.main(jmh);
    }
}
