package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inkling.base.AtomicFiles;
import org.inkling.base.SafeText;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;

/**
 * Where {@code train} saves: checked before any training (minutes of work must not end in "cannot
 * write there"), and when the save still fails afterwards (disk full, folder removed meanwhile) the
 * model is kept in a recovery file whose place the message gives.
 */
final class ModelOutput {
    private ModelOutput() {}

    /** Null when a model can be saved at {@code out}, else why not (naming the path). */
    static String problem(Path out) {
        if (out.getFileName() == null || Files.isDirectory(out)) {
            return out + " is a folder; give a file name, e.g. " + out.resolve("model" + ModelFile.EXTENSION);
        }
        if (Files.exists(out) && !Files.isRegularFile(out)) return out + " exists and is not a regular file";
        Path dir = out.toAbsolutePath().getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            return "cannot create the folder " + dir + " (" + existing + " is not a folder)";
        }
        if (!Files.exists(dir)) return Files.isWritable(existing) ? null : "cannot create the folder " + dir + " (" + existing + " is not writable)";
        try {
            // the honest test: what the save will do (permissions, read-only mounts, full quotas on create)
            Files.delete(AtomicFiles.temporarySibling(out));
            return null;
        } catch (IOException e) {
            return "cannot write in " + dir + " (" + SafeText.excerpt(e.toString()) + ")";
        }
    }

    /**
     * Saves {@code model} at {@code out}; when that fails, saves it in the first of {@code recoveryDirs} that takes it and says where.
     */
    static void save(Path out, SavedModel model, List<Path> recoveryDirs) {
        try {
            ModelFile.save(out, model);
            return;
        } catch (IOException e) {
            String why = SafeText.excerpt(e.getMessage(), 200);
            List<String> tried = new ArrayList<>();
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
            for (Path dir : recoveryDirs) {
                Path recovery = dir.resolve("inkling-recovered-" + stamp + ModelFile.EXTENSION);
                try {
                    ModelFile.save(recovery, model);
                    throw new CliException("could not save the model to " + out + ": " + why
                            + "; it was saved to " + recovery + " instead", e);
                } catch (IOException again) {
                    tried.add(recovery + " (" + SafeText.excerpt(again.getMessage()) + ")");
                }
            }
            throw new CliException("could not save the model to " + out + ": " + why + "; nor to " + String.join(", ", tried), e);
        }
    }

    /** Where a model that could not be saved where asked goes: the home folder, else the temporary folder. */
    static List<Path> recoveryDirs() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getenv("HOME");
        dirs.add(Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
        dirs.add(Path.of(System.getProperty("java.io.tmpdir")));
        return dirs;
    }
}
