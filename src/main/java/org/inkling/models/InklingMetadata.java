package org.inkling.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkling.base.DigitGeometry;
import org.inkling.base.SafeText;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import org.inkling.nn.VerdictRule;

/**
 * What Keras and TensorFlow.js have no place for but an Inkling model needs to read its answers the
 * same way after a round trip: the class names (an eleventh "not a digit") and the {@link VerdictRule}
 * with its fitted temperature. Exports carry it under {@value #KEY}, in {@code metadata.json} of a
 * {@code .keras} file and in {@code userDefinedMetadata} of a tfjs {@code model.json} (which
 * {@code model.getUserDefinedMetadata()} returns); both formats keep unknown keys, so Keras and tfjs
 * load the files as before. The weights stay as trained: a Keras or tfjs user who wants Inkling's
 * calibrated probabilities divides the logits by the recorded temperature.
 *
 * <p>A file from elsewhere may carry anything under the key, so it is read like any other outside
 * input: bounded, and refused with a message that names the file and the field.
 */
final class InklingMetadata {
    static final String KEY = "inkling";
    /** A class name is a label on a bar; longer ones are not labels. */
    static final int MAX_NAME = 64;

    private InklingMetadata() {}

    /** The block an export writes for {@code model}. */
    static Map<String, Object> of(SavedModel model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class_names", model.classNames());
        m.put(VerdictRule.KEY, model.verdict().toMap());
        return m;
    }

    /**
     * {@code read} with the class names and rule that {@code block} records, or {@code read} itself
     * when there is no block (a file Inkling did not write).
     */
    static SavedModel apply(SavedModel read, Object block, String source) throws ModelFileException {
        SavedModel model = block == null ? read : withBlock(read, block, source);
        if (model.network().outputSize() == DigitGeometry.DIGITS + 1 && model.verdict().rejectClass() != DigitGeometry.DIGITS) {
            // an eleventh output means nothing to Inkling unless the file says it is "not a digit"
            throw new ModelFileException(source, "has " + model.network().outputSize() + " outputs but does not say the last one is \""
                    + VerdictRule.NOT_A_DIGIT + "\" (Inkling's exports name it in \"" + KEY + ".class_names\"); Inkling reads "
                    + DigitGeometry.DIGITS + " digits");
        }
        return model;
    }

    private static SavedModel withBlock(SavedModel read, Object block, String source) throws ModelFileException {
        if (!(block instanceof Map<?, ?> map)) throw new ModelFileException(source, "\"" + KEY + "\" must be a JSON object, got " + SafeText.excerpt(block));
        int outputs = read.network().outputSize();
        List<String> names = read.classNames();
        if (map.get("class_names") != null) names = classNames(map.get("class_names"), outputs, source);
        VerdictRule rule = null;
        if (map.get(VerdictRule.KEY) != null) {
            if (!(map.get(VerdictRule.KEY) instanceof Map<?, ?> r)) {
                throw new ModelFileException(source, "\"" + KEY + "." + VerdictRule.KEY + "\" must be a JSON object");
            }
            try {
                rule = VerdictRule.fromMap(KerasConfig.cast(r));
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(source, "bad \"" + KEY + "." + VerdictRule.KEY + "\": " + SafeText.excerpt(e.getMessage()));
            }
        }
        try {
            return new SavedModel(read.name(), read.network(), read.recipe(), read.metrics(), names, rule);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(source, "\"" + KEY + "\" does not fit the network: " + SafeText.excerpt(e.getMessage()));
        }
    }

    private static List<String> classNames(Object value, int outputs, String source) throws ModelFileException {
        if (!(value instanceof List<?> list) || list.size() != outputs) {
            throw new ModelFileException(source, "\"" + KEY + ".class_names\" must be a list of " + outputs + " names (one per output), got "
                    + SafeText.excerpt(value));
        }
        List<String> names = new ArrayList<>(outputs);
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank() || s.length() > MAX_NAME || s.chars().anyMatch(Character::isISOControl)) {
                throw new ModelFileException(source, "\"" + KEY + ".class_names\" holds " + SafeText.excerpt(o)
                        + "; a class name is one line of at most " + MAX_NAME + " characters");
            }
            names.add(s);
        }
        return names;
    }
}
