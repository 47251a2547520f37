package org.inkling.ink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkling.base.AtomicFiles;
import org.inkling.json.Json;

/**
 * A person's own labelled drawings, kept as a stroke file ({@link StrokeFile}'s JSON Lines) with one
 * more field, {@code "time"} (ISO-8601, UTC), so that {@code predict --strokes} reads the set as it is.
 *
 * <p>Appending writes one whole line with a single write on a file opened for appending and forces
 * it to disk before returning: a kill at any moment loses at most the drawing being appended. What a
 * kill can leave is a torn last line; {@link #read} reports it (and any other damaged line) as a
 * problem and keeps every other drawing, and the next append starts on a fresh line so that the torn
 * text never swallows a good drawing. Deleting and relabelling rewrite the whole file atomically
 * ({@link AtomicFiles}).
 *
 * <p>The file is untrusted input: it is refused above {@link #MAX_FILE_BYTES} before anything is
 * read, and a line above {@link #MAX_LINE_CHARS} is skipped as damaged.
 */
public final class PersonalDigits {
    /** A person draws a few hundred digits at most; 64 MB is thousands of long drawings. */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** A drawing of a few thousand points takes some 40 kB; a megabyte line is not a drawing. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Coordinates are kept to 1/100 of a pad pixel. */
    private static final int DECIMALS = 2;

    /** One taught drawing: its strokes, its label, and when it was taught (null when the line had no time). */
    public record Entry(LabeledInk drawing, Instant time) {
        public Entry {
            if (drawing == null || drawing.label() == null) {
                throw new IllegalArgumentException("a taught drawing needs a label");
            }
        }

        public int label() {
            return drawing.label();
        }
    }

    /** What a read found: the drawings in file order, and one message per line that was skipped. */
    public record Contents(List<Entry> entries, List<String> problems) {
        public Contents {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        public List<LabeledInk> drawings() {
            return entries.stream().map(Entry::drawing).toList();
        }
    }

    private final Path file;

    public PersonalDigits(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The set in its standard place, {@code digits.jsonl} in the user data folder. */
    public static PersonalDigits in(Path dataFolder) {
        return new PersonalDigits(dataFolder.resolve("digits.jsonl"));
    }

    /** Reads the set; a missing file is an empty set. Damaged lines are skipped and named in {@link Contents#problems}. */
    public Contents read() throws IOException {
        return read(file);
    }

    /** Reads any stroke file as a personal set: lines without a label are skipped as problems. */
    public static Contents read(Path file) throws IOException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new StrokeFileException(file.toString(), "is " + size + " bytes; a set of digits is at most "
                        + MAX_FILE_BYTES + " bytes", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), List.of());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String name = file.toString();
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            boolean torn = end < 0;
            if (torn) end = text.length();
            String line = text.substring(start, end);
            start = end + 1;
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.isBlank()) continue;
            if (line.length() > MAX_LINE_CHARS) {
                problems.add(name + ":" + number + ": skipped: a line of " + line.length() + " characters is not a drawing");
                continue;
            }
            try {
                entries.add(parse(line, name, number));
            } catch (StrokeFileException e) {
                problems.add(e.getMessage() + (torn ? " (the last line is cut short: an append was interrupted)" : "")
                        + "; skipped");
            }
        }
        return new Contents(entries, problems);
    }

    private static Entry parse(String line, String name, int number) throws StrokeFileException {
        LabeledInk drawing = StrokeFile.parseLine(line, name, number);
        if (drawing.label() == null) {
            throw new StrokeFileException(name, number, "no \"label\": a taught drawing needs the digit it shows");
        }
        if (drawing.ink().isEmpty()) {
            throw new StrokeFileException(name, number, "no strokes");
        }
        Instant time = null;
        if (Json.parse(line) instanceof Map<?, ?> m && m.get("time") instanceof String s) {
            try {
                time = Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new StrokeFileException(name, number, "\"time\" is not an ISO-8601 instant: " + Json.write(s));
            }
        }
        return new Entry(drawing, time);
    }

    /** Appends one drawing and forces it to disk before returning. */
    public void append(Entry entry) throws IOException {
        byte[] line = (toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        boolean endsTorn = false;
        if (Files.exists(file)) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = in.size();
                if (size > MAX_FILE_BYTES) {
                    throw new IOException(file + ": the set is full (" + size + " bytes); delete some digits first");
                }
                endsTorn = size > 0 && lastByte(in, size) != '\n';
            }
        }
        // A torn line from an interrupted append is ended first, so this drawing starts a line of its own.
        ByteBuffer buf = endsTorn ? ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip()
                : ByteBuffer.wrap(line);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    private static int lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, size - 1);
        return one.get(0);
    }

    /** Replaces the whole set atomically (after a delete, a relabel or an import). */
    public void writeAll(List<Entry> entries) throws IOException {
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry e : entries) lines.add(toLine(e));
        StrokeFile.writeLines(file, lines);
    }

    /** The entry's JSON line: the stroke-file format plus {@code "time"}. */
    public static String toLine(Entry entry) {
        return entry.time() == null ? StrokeFile.toLine(entry.drawing(), DECIMALS)
                : StrokeFile.toLine(entry.drawing(), DECIMALS, Map.of("time", entry.time().toString()));
    }
}
