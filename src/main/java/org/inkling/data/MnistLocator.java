package org.inkling.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the four MNIST files, in this order: a folder given explicitly (the {@code --data DIR}
 * option or a folder chosen in the app), the {@code INKLING_MNIST} environment variable, then the
 * user cache {@code ~/.cache/inkling/mnist}; if the cache is incomplete, {@link #locate} has the
 * {@link MnistDownloader} fill it. Each file may be stored as {@code name} or gzipped as
 * {@code name.gz}.
 *
 * <p>A folder the user named explicitly (option or environment) must hold all four files: a
 * mistake there is reported rather than silently replaced by a download.
 */
public final class MnistLocator {
    /** Environment variable naming a folder that holds the four files. */
    public static final String ENV = "INKLING_MNIST";

    private final Path explicitDir;
    private final Map<String, String> env;
    private final Path userHome;

    /**
     * @param explicitDir a folder the user named ({@code --data}), or null
     * @param env the environment to read {@value #ENV} from
     * @param userHome the home folder under which {@code .cache/inkling/mnist} lives
     */
    public MnistLocator(Path explicitDir, Map<String, String> env, Path userHome) {
        this.explicitDir = explicitDir;
        this.env = Map.copyOf(env);
        this.userHome = userHome;
    }

    /** A locator for this process: its environment and {@link #userHome}. */
    public static MnistLocator standard(Path explicitDir) {
        return new MnistLocator(explicitDir, System.getenv(), userHome(System.getenv()));
    }

    /**
     * The home folder {@code ~} stands for: {@code $HOME} when set, as in the shell (Java's
     * {@code user.home} comes from the password database and ignores it), else {@code user.home}.
     */
    public static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** {@code <user.home>/.cache/inkling/mnist}, where downloads go. */
    public Path cacheDir() {
        return userHome.resolve(".cache").resolve("inkling").resolve("mnist");
    }

    /**
     * The files already on this machine, or empty when only a download can supply them.
     *
     * @throws MnistFileException if the explicit folder or the {@value #ENV} folder lacks a file
     */
    public Optional<MnistFiles> findLocal() throws MnistFileException {
        if (explicitDir != null) {
            return Optional.of(requireAll(explicitDir, "--data"));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(requireAll(Path.of(fromEnv), ENV));
        }
        Path cache = cacheDir();
        Map<MnistFile, Path> found = scan(cache);
        return found.size() == MnistFile.values().length
                ? Optional.of(new MnistFiles(found, "cache " + cache))
                : Optional.empty();
    }

    /**
     * The files on this machine, or else downloaded into {@link #cacheDir()}.
     *
     * @throws MnistDownloadException if they are not here and no mirror delivers them; its
     *     message says where to put them by hand
     */
    public MnistFiles locate(MnistDownloader downloader, DownloadListener listener) throws IOException {
        Optional<MnistFiles> local = findLocal();
        if (local.isPresent()) {
            return local.get();
        }
        Path cache = cacheDir();
        downloader.downloadMissing(cache, listener);
        Map<MnistFile, Path> found = scan(cache);
        if (found.size() != MnistFile.values().length) {
            throw new MnistFileException(cache.toString(), "still lacks " + missing(found) + " after downloading");
        }
        return new MnistFiles(found, "downloaded into " + cache);
    }

    private static MnistFiles requireAll(Path dir, String how) throws MnistFileException {
        if (!Files.isDirectory(dir)) {
            throw new MnistFileException(dir.toString(), "is not a folder (given by " + how + ")");
        }
        Map<MnistFile, Path> found = scan(dir);
        if (found.size() != MnistFile.values().length) {
            throw new MnistFileException(dir.toString(), "does not hold " + missing(found) + " (given by " + how
                    + "; each file may also be gzipped, with .gz added to its name)");
        }
        return new MnistFiles(found, how + " " + dir);
    }

    /** The MNIST files present in {@code dir}: the uncompressed name first, then the gzipped one. */
    static Map<MnistFile, Path> scan(Path dir) {
        Map<MnistFile, Path> found = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            for (String name : new String[] {f.fileName(), f.gzipName()}) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    found.put(f, p);
                    break;
                }
            }
        }
        return found;
    }

    private static String missing(Map<MnistFile, Path> found) {
        List<String> names = new ArrayList<>();
        for (MnistFile f : MnistFile.values()) {
            if (!found.containsKey(f)) {
                names.add(f.fileName());
            }
        }
        return String.join(", ", names);
    }
}
