package org.inkling.nn;

import java.util.Locale;

/** Formats {@link Sequential#summary()} like Keras 2's {@code model.summary()}. */
final class ModelSummary {
    private ModelSummary() {}

    static String of(Sequential m) {
        String rule = "_".repeat(65) + "\n";
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"sequential\"\n").append(rule);
        sb.append(row("Layer (type)", "Output Shape", "Param #"));
        sb.append("=".repeat(65)).append('\n');
        sb.append(row("input (InputLayer)", m.inputShape().toString(), "0"));
        for (Layer l : m.layers()) {
            long n = 0;
            for (Param p : l.params()) n += p.size();
            sb.append(row(l.name() + " (" + l.typeName() + ")", l.outputShape().toString(), Long.toString(n)));
        }
        sb.append("=".repeat(65)).append('\n');
        String total = String.format(Locale.ROOT, "%,d", m.parameterCount());
        sb.append("Total params: ").append(total).append('\n');
        sb.append("Trainable params: ").append(total).append('\n');
        sb.append("Non-trainable params: 0\n").append(rule);
        return sb.toString();
    }

    private static String row(String a, String b, String c) {
        return String.format(Locale.ROOT, " %-28s%-26s%-10s", a, b, c).stripTrailing() + "\n";
    }
}
