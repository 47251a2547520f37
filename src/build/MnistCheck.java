import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs before anything is compiled (the pom's {@code mnist-check} execution, as a single-file
 * program), so that a machine without MNIST and without internet stops the build in seconds with one
 * message instead of after compiling and a dozen failing tests. It looks where the tests look
 * ({@code org.inkling.data.TestMnist}: {@code -Dinkling.mnist}, {@code $INKLING_MNIST},
 * {@code ../shared/data/mnist}, {@code ~/.cache/inkling/mnist}); when MNIST is in none of them it only
 * checks that a download mirror answers. The download itself, with its checksums, is TestMnist's,
 * after compiling. Only a build that will run the tests is checked. Exit 0 to go on, 1 with the message.
 */
public final class MnistCheck {
    /** The hosts of {@code MnistDownloader.DEFAULT_MIRRORS} (a test keeps the two lists the same). */
    static final List<String> MIRRORS = List.of(
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/");
    static final List<String> FILES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Lifecycle phases that run the tests; the check matters only when one of them is asked for. */
    static final List<String> TEST_PHASES = List.of("test", "package", "pre-integration-test", "integration-test",
            "post-integration-test", "verify", "install", "deploy");

    public static void main(String[] args) {
        // README's run command (mvn compile exec:exec) and -DskipTests builds need no MNIST. Maven's
        // launcher exports its arguments; without them (another launcher) the check before the tests
        // (TestMnist) still stops the build with the same message, after compiling.
        String commandLine = System.getenv("MAVEN_CMD_LINE_ARGS");
        if (commandLine == null || List.of(commandLine.trim().split("\\s+")).stream().noneMatch(TEST_PHASES::contains)) {
            return;
        }
        String property = System.getProperty("inkling.mnist", "");
        String env = System.getenv().getOrDefault("INKLING_MNIST", "");
        String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
        Path cache = Path.of(home, ".cache", "inkling", "mnist");
        String problem;
        if (!property.isBlank()) {
            problem = holdsAll(Path.of(property)) ? null : property + " (given by -Dinkling.mnist) does not hold the four MNIST files.";
        } else if (!env.isBlank()) {
            problem = holdsAll(Path.of(env)) ? null : env + " (given by INKLING_MNIST) does not hold the four MNIST files.";
        } else if (holdsAll(Path.of("../shared/data/mnist")) || holdsAll(cache)) {
            problem = null;
        } else {
            problem = reachable() ? null : "MNIST is not on this machine (" + cache + " lacks it) and no download mirror answers ("
                    + String.join(", ", MIRRORS) + ").";
        }
        if (problem != null) {
            System.err.println();
            System.err.println("No MNIST for the tests: " + problem);
            System.err.println("""
                    The tests train and check on the real MNIST. Put the four files
                      train-images-idx3-ubyte  train-labels-idx1-ubyte  t10k-images-idx3-ubyte  t10k-labels-idx1-ubyte
                    (each may be gzipped, with .gz added to its name) into ~/.cache/inkling/mnist,
                    or into a folder you name with -Dinkling.mnist=DIR or the INKLING_MNIST environment variable.
                    With internet access the build downloads them into ~/.cache/inkling/mnist by itself.
                    """);
            System.exit(1);
        }
    }

    static boolean holdsAll(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)) || Files.isRegularFile(dir.resolve(f + ".gz")));
    }

    /** Whether any mirror accepts a connection within a few seconds (name lookup included). */
    static boolean reachable() {
        for (String mirror : MIRRORS) {
            URI u = URI.create(mirror);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), 443), 5000);
                return true;
            } catch (IOException | RuntimeException e) {
                // try the next one
            }
        }
        return false;
    }
}
