package org.inkling.app.shared;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up's time line, for finding what the first frame waits for: with
 * {@code -Dinkling.startup.trace=true} each step prints when it ended (milliseconds since the JVM
 * started) and the CPU time the process and the marking thread had used by then, on standard error. Off, a mark costs
 * one boolean test, so the marks stay in place.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("inkling.startup.trace");

    private StartupTrace() {}

    public static boolean on() {
        return ON;
    }

    /** Notes that {@code step} has just ended. */
    public static void mark(String step) {
        if (!ON) {
            return;
        }
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // the thread's own CPU beside the process's: on two cores the compilers and the warm-up compete with it
        long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        System.err.printf("inkling startup: %6s ms since launch, %6d ms since the JVM began, cpu %6s ms (this thread %5d)  [%s]  %s%n",
                processAgeMillis(), uptime, cpuMillis(), threadCpu, Thread.currentThread().getName(), step);
    }

    /** Milliseconds since the process (the launcher, before the JVM) began, to 10 ms; "?" off Linux. */
    private static String processAgeMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double sinceBoot = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            // field 22 of stat(5), the start time in ticks since boot
            return Long.toString(Math.round(sinceBoot * 1000) - Long.parseLong(fields[19]) * 10);
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** User and system time of the whole process from /proc (Linux); "?" elsewhere. */
    private static String cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of stat(5)): utime and stime are fields 14 and 15
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Long.toString(ticks * 10); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
