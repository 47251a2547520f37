package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.models.KerasWriter;
import org.inkling.models.TfjsWriter;
import org.inkling.nn.SavedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inkling export}: a model as a Keras 3 {@code .keras} file or a TensorFlow.js Layers model. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a model for Keras (a .keras file) or TensorFlow.js (a folder with model.json).",
                "In Python: keras.saving.load_model(\"digits.keras\"); in JavaScript: tf.loadLayersModel(\".../model.json\")."})
final class ExportCommand implements Callable<Integer> {
    enum Format { keras, tfjs }

    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--format", required = true, paramLabel = "keras|tfjs", description = "keras: a Keras 3 .keras file; tfjs: a TensorFlow.js Layers model folder.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The .keras file, or the folder for model.json and its weight shard.")
    Path out;

    @Option(names = "--json", description = "Print one JSON summary object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (format == Format.keras && !out.getFileName().toString().endsWith(".keras")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--out " + out + ": a Keras 3 model file must end in .keras (keras.saving.load_model refuses other names)");
        }
        SavedModel saved = model.load();
        Path written;
        if (format == Format.keras) {
            KerasWriter.save(saved, out);
            written = out;
        } else {
            TfjsWriter.save(saved, out);
            written = out.resolve(TfjsWriter.MODEL_JSON);
        }
        if (json) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("model", saved.name());
            s.put("format", format.name());
            s.put("path", written.toString());
            s.put("parameters", saved.network().parameterCount());
            new JsonLines(System.out).summary(s);
        } else {
            System.out.println("Wrote " + saved.name() + " (" + saved.network().parameterCount() + " parameters) to " + written
                    + (format == Format.keras ? " (Keras 3: keras.saving.load_model)" : " (TensorFlow.js: tf.loadLayersModel)"));
            System.out.println("Its class names and verdict rule (temperature " + saved.verdict().temperature() + ") are under \"inkling\" in "
                    + (format == Format.keras ? "metadata.json" : "userDefinedMetadata") + "; the weights are as trained.");
        }
        return 0;
    }
}
