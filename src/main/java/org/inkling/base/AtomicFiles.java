package org.inkling.base;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way Inkling writes a file that a person keeps: readers see the old content or the new,
 * never a part of it, even when the process is killed mid-write. A temporary sibling is written,
 * forced to disk and renamed over the target. The temporary file is created like any other file, so
 * it gets the user's default permissions ({@link Files#createTempFile} would make it owner-only,
 * and the rename would carry that to the saved file).
 *
 * <p>Temporary names are {@code .<target name>.<random hex>.tmp}; {@link #deleteStale} removes the
 * ones a killed process left behind.
 */
public final class AtomicFiles {
    /** Writes the whole new content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /** Replaces {@code target} with what {@code writer} writes; on failure the old file is untouched. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = temporarySibling(abs);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            replace(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates an empty temporary file beside {@code target} (creating the folder if needed), for
     * content that is produced elsewhere (a download) and then put in place with {@link #replace}.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TMP_SUFFIX);
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 8) throw e;
            }
        }
    }

    /** Moves a finished temporary file over {@code target} atomically where the file system can. */
    public static void replace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes temporary siblings of {@code target} older than {@code age}: what a save killed
     * mid-write left behind. Younger ones may belong to a save in progress in another process.
     * Returns how many were deleted; problems are ignored (this is housekeeping).
     */
    public static int deleteStale(Path target, Duration age) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) return 0;
        String prefix = "." + abs.getFileName() + ".";
        FileTime cutoff = FileTime.from(Instant.now().minus(age));
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TMP_SUFFIX);
        })) {
            for (Path p : files) {
                try {
                    if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                        Files.delete(p);
                        deleted++;
                    }
                } catch (IOException ignored) {
                    // another process may have just renamed or deleted it
                }
            }
        } catch (IOException ignored) {
            // an unreadable folder has nothing we can clean
        }
        return deleted;
    }
}
