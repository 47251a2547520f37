package org.inkling.base;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Lets the threads that compute in the background (training, evaluation, their product workers)
 * give way to the ones a person is waiting on: the FX thread and the renderer. On two cores a
 * training run holds both, and at equal priority the FX thread waits its turn behind it, tens of
 * milliseconds at a time.
 *
 * <p>Java's thread priorities are ignored on Linux unless the JVM runs with
 * {@code -XX:ThreadPriorityPolicy=1}, which warns every user who is not root. Linux keeps the nice
 * value per thread, though, so a thread lowers its own with {@code setpriority(PRIO_PROCESS, 0, n)}
 * (0 is the calling thread there). Elsewhere {@link Thread#setPriority} is what the platform honours
 * (Windows) or ignores (macOS, where {@code setpriority} would lower the whole process).
 *
 * <p>Off until the app {@linkplain #enableFromForegroundThread() enables} it: the command line's
 * training is the job in the foreground and runs at the priority it was started with.
 */
public final class BackgroundPriority {
    /** How much nicer than before: the usual background job's 10, whose weight is a ninth of a nice-0 thread's. */
    public static final int NICER_BY = 10;
    private static final int LOWEST = 19;
    private static final int PRIO_PROCESS = 0;
    private static final ThreadLocal<Boolean> FOREGROUND = ThreadLocal.withInitial(() -> false);
    private static volatile boolean enabled;

    private BackgroundPriority() {
    }

    /**
     * Called by the app on the FX thread as it starts: from now on background threads that ask are
     * lowered, and the calling thread is the one they give way to.
     */
    public static void enableFromForegroundThread() {
        FOREGROUND.set(true);
        enabled = true;
    }

    public static boolean enabled() {
        return enabled;
    }

    /**
     * True on the thread that enabled lowering (the FX thread): work it waits for must not be handed
     * to lowered threads, which a busy core serves last.
     */
    public static boolean isForegroundThread() {
        return enabled && FOREGROUND.get();
    }

    /**
     * Lowers the calling thread if background threads are to be lowered: its Java priority, and on
     * Linux its nice value by {@value #NICER_BY} (at most to 19). Returns whether the thread now runs
     * below the others as far as the operating system is concerned (false when not enabled, or the
     * system refused).
     */
    public static boolean lowerCurrentThread() {
        if (!enabled) {
            return false;
        }
        Thread.currentThread().setPriority(Thread.NORM_PRIORITY - 1);
        MethodHandle setPriority = Native.SET_PRIORITY;
        if (setPriority == null) {
            return isWindows();
        }
        try {
            // Relative to the thread's own value, so an app started with nice runs its training nicer still.
            int target = Math.min(LOWEST, currentThreadNice().orElse(0) + NICER_BY);
            return (int) setPriority.invokeExact(PRIO_PROCESS, 0, target) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /** The calling thread's nice value as Linux reports it, or empty elsewhere. */
    public static OptionalInt currentThreadNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // The name in parentheses may hold spaces; the fields after it are fixed: nice is the 17th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Made by the first background thread that lowers itself, not by the FX thread that enables
     * lowering as the window starts: linking a native call spins classes, tens of milliseconds cold.
     */
    private static final class Native {
        static final MethodHandle SET_PRIORITY = setPriorityHandle();
    }

    private static MethodHandle setPriorityHandle() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                || !BackgroundPriority.class.getModule().isNativeAccessEnabled()) {
            // Without --enable-native-access the call would work but print a warning at every start.
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority")
                    .map(address -> linker.downcallHandle(address,
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
