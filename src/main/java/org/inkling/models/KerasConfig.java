package org.inkling.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.inkling.base.DigitGeometry;
import org.inkling.nn.Activation;
import org.inkling.nn.Conv2D;
import org.inkling.nn.Dense;
import org.inkling.nn.Flatten;
import org.inkling.nn.Initializers;
import org.inkling.nn.Layer;
import org.inkling.nn.MaxPool2D;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.Shape;

/**
 * Turns a Keras {@code Sequential} model config (the JSON Keras 2 stores as {@code model_config}, Keras
 * 3 as {@code config.json}, TensorFlow.js as {@code modelTopology}) into Inkling layers, refusing
 * anything Inkling would compute differently with a message naming the layer, the setting and the
 * file. Nothing is allocated from the config before its shapes are checked and its parameter count
 * bounded.
 *
 * <p>What it accepts: an input of shape (784,), (28, 28) or (28, 28, 1) given by an {@code InputLayer}
 * ({@code batch_shape} in Keras 3, {@code batch_input_shape} before), the first layer's
 * {@code batch_input_shape}, or the model's {@code build_input_shape}; Dense, Conv2D (square kernel,
 * stride 1, valid or same), MaxPooling2D (square, stride = pool), Flatten; Reshape and Flatten where
 * they only shape the input; Dropout and the other layers that do nothing at inference; an
 * {@code Activation} layer right after a linear Dense or Conv2D (merged into it); a
 * {@code Rescaling} before the first Dense or Conv2D (folded into its weights, see
 * {@link Plan#inputScale}).
 *
 * <p>Inputs: Inkling feeds every network pixels scaled to 0..1, the tutorials' convention. A model
 * that starts with {@code Rescaling(scale, offset)} expects raw 0..255 pixels, so its first layer
 * sees {@code 255·scale·x + offset} of Inkling's input x; that affine map is folded into the first
 * layer's weights. A model without one is taken to expect 0..1.
 */
final class KerasConfig {
    /** Far above any digit network; bounds what a config can make Inkling allocate. */
    static final long MAX_PARAMETERS = 64L << 20;
    static final int MAX_LAYERS = 1000;

    /** Layers that leave their input unchanged when predicting. */
    private static final Set<String> INFERENCE_IDENTITY = Set.of("Dropout", "SpatialDropout1D", "SpatialDropout2D",
            "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization");

    private static final String KNOWN = "Dense, Conv2D, MaxPooling2D, Flatten, Dropout, Reshape, InputLayer, Rescaling, Activation";

    /**
     * A layer with weights: where Keras keeps them and what shapes they must have. {@code kerasIndex}
     * counts the model's layers after its input (an InputLayer is not one of them).
     */
    record WeightedLayer(String kerasName, String kerasClass, int kerasIndex, int inklingIndex, int[] kernelShape,
                         boolean hasBias) {
        int[] biasShape() {
            return new int[] {kernelShape[kernelShape.length - 1]};
        }

        /** How many arrays Keras stores for the layer: kernel, and bias when it has one. */
        int arrays() {
            return hasBias ? 2 : 1;
        }
    }

    /**
     * The Inkling network a config describes, before weights: {@code kerasClasses} lists every Keras
     * layer after the input (their order names the Keras 3 weight groups).
     */
    record Plan(Shape input, List<Layer> layers, List<WeightedLayer> weighted, List<String> kerasClasses,
                List<String> kerasNames, boolean rescaled, double inputScale, double inputOffset, boolean softmaxAdded,
                String modelName) {}

    private final String source;

    private KerasConfig(String source) {
        this.source = source;
    }

    /**
     * Reads a {@code {"class_name": "Sequential", "config": ...}} object ({@code config} being the list
     * of layers of early Keras 2 or the {@code {"name", "layers"}} object of later versions).
     */
    static Plan parse(Map<String, Object> model, String source) throws ModelFileException {
        return new KerasConfig(source).plan(model);
    }

    private Plan plan(Map<String, Object> model) throws ModelFileException {
        Object cls = model.get("class_name");
        if (!"Sequential".equals(cls)) {
            throw fail("holds a Keras " + (cls == null ? "model with no class_name" : "'" + cls + "' model")
                    + "; Inkling opens Sequential models only (a stack of layers, keras.Sequential([...]))");
        }
        Object cfg = model.get("config");
        List<?> layerList;
        String modelName = null;
        Object buildInput = null;
        if (cfg instanceof List<?> l) {
            layerList = l;
        } else if (cfg instanceof Map<?, ?> m && m.get("layers") instanceof List<?> l) {
            layerList = l;
            modelName = m.get("name") instanceof String n ? n : null;
            buildInput = m.get("build_input_shape");
        } else {
            throw fail("the Sequential config has no list of layers");
        }
        if (buildInput == null && model.get("build_config") instanceof Map<?, ?> bc) buildInput = bc.get("input_shape");
        if (layerList.isEmpty()) throw fail("the Sequential model has no layers");
        if (layerList.size() > MAX_LAYERS) throw fail("has " + layerList.size() + " layers; Inkling reads at most " + MAX_LAYERS);

        List<Map<String, Object>> layers = new ArrayList<>();
        for (int i = 0; i < layerList.size(); i++) {
            if (!(layerList.get(i) instanceof Map<?, ?> m)) throw fail("layer " + (i + 1) + " of the config is not a JSON object");
            layers.add(cast(m));
        }

        // the input shape, without the batch dimension
        List<Integer> dims = null;
        int first = 0;
        Map<String, Object> c0 = config(layers.get(0));
        if ("InputLayer".equals(layers.get(0).get("class_name"))) {
            dims = batchShape(c0, "InputLayer '" + name(layers.get(0), 0) + "'");
            if (dims == null) throw fail("InputLayer '" + name(layers.get(0), 0) + "' has no batch_shape");
            first = 1;
        } else {
            dims = batchShape(c0, "layer '" + name(layers.get(0), 0) + "'");
            if (dims == null && buildInput instanceof List<?> b) dims = shapeWithoutBatch(b, "build_input_shape");
            if (dims == null && layers.get(0).get("build_config") instanceof Map<?, ?> bc && bc.get("input_shape") instanceof List<?> b) {
                dims = shapeWithoutBatch(b, "build_config");
            }
            if (dims == null) {
                throw fail("does not say its input shape (no InputLayer, batch_input_shape or build_input_shape); "
                        + "build the model with keras.Input((784,)) or input_shape=(784,) before saving it");
            }
        }
        checkInput(dims);

        Builder b = new Builder(dims);
        for (int i = first; i < layers.size(); i++) b.add(layers.get(i), i);
        return b.finish(modelName);
    }

    /** Builds the Inkling layers while following the Keras tensor shape. */
    private final class Builder {
        private List<Integer> shape;          // Keras' shape of the current tensor, without the batch
        private Shape inklingInput;           // set by the first Inkling layer
        private final List<Layer> layers = new ArrayList<>();
        private final List<WeightedLayer> weighted = new ArrayList<>();
        private final List<String> classes = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final Map<String, Integer> prefixes = new HashMap<>();
        private double scale = 1, offset = 0;
        private boolean sawRescaling;
        private long parameters;
        private int lastWeighted = -1;        // Keras index of the last Dense/Conv2D
        private boolean lastWeightedLinear;   // and whether an Activation layer may still merge into it
        private boolean onlyIdentitySinceWeighted;

        Builder(List<Integer> inputDims) {
            shape = new ArrayList<>(inputDims);
        }

        void add(Map<String, Object> layer, int index) throws ModelFileException {
            String cls = layer.get("class_name") instanceof String s ? s : null;
            String name = name(layer, index);
            Map<String, Object> c = config(layer);
            if (cls == null) throw fail("layer " + (index + 1) + " has no class_name");
            String what = cls + " layer '" + name + "'";
            classes.add(cls);
            names.add(name);
            if (INFERENCE_IDENTITY.contains(cls)) return;   // a no-op when predicting
            boolean rightAfterWeighted = onlyIdentitySinceWeighted;
            onlyIdentitySinceWeighted = false;
            switch (cls) {
                case "InputLayer" -> throw fail(what + " is not the first layer");
                case "Rescaling" -> rescaling(c, what);
                case "Reshape" -> reshape(c, what);
                case "Flatten" -> flatten(c, what);
                case "Dense" -> dense(c, what, name, index);
                case "Conv2D", "Convolution2D" -> conv(c, what, name, index, cls);
                case "MaxPooling2D", "MaxPool2D" -> pool(c, what);
                case "Activation" -> activation(c, what, rightAfterWeighted);
                default -> throw fail(what + " is not a layer Inkling has (it reads " + KNOWN + ")");
            }
        }

        private boolean atInput() {
            return layers.isEmpty() && weighted.isEmpty();
        }

        private void rescaling(Map<String, Object> c, String what) throws ModelFileException {
            if (!atInput() || sawRescaling) throw fail(what + ": Inkling folds a Rescaling into the first layer only when it comes before it");
            double s = number(c, "scale", what), o = c.containsKey("offset") ? number(c, "offset", what) : 0;
            // the model expects raw 0..255 pixels; Inkling gives x = pixels / 255
            scale = 255 * s;
            offset = o;
            sawRescaling = true;
        }

        private void reshape(Map<String, Object> c, String what) throws ModelFileException {
            if (!atInput()) throw fail(what + ": Inkling reads a Reshape only where it shapes the 784 input");
            if (!(c.get("target_shape") instanceof List<?> t)) throw fail(what + " has no target_shape");
            List<Integer> dims = intList(t, what + " target_shape");
            if (dims.contains(-1)) {
                int known = dims.stream().filter(d -> d != -1).reduce(1, (a, d) -> a * d);
                if (known <= 0 || DigitGeometry.PIXELS % known != 0 || dims.stream().filter(d -> d == -1).count() > 1) {
                    throw fail(what + " has a target_shape " + dims + " that does not fit 784 values");
                }
                dims = dims.stream().map(d -> d == -1 ? DigitGeometry.PIXELS / known : d).toList();
            }
            checkInput(dims);
            shape = new ArrayList<>(dims);
        }

        private void flatten(Map<String, Object> c, String what) throws ModelFileException {
            channelsLast(c, what);
            if (atInput()) {
                shape = List.of(size(shape));   // only reshapes the input
                return;
            }
            if (shape.size() > 1) {
                addLayer(new Flatten(), 0);
                shape = List.of(size(shape));
            }
        }

        private void dense(Map<String, Object> c, String what, String name, int index) throws ModelFileException {
            if (shape.size() != 1) {
                throw fail(what + " gets a " + tuple(shape) + " input: Keras applies Dense to the last axis only, which Inkling does not;"
                        + " put a Flatten before it");
            }
            int units = positiveInt(c, "units", what);
            Activation a = parseActivation(c.get("activation"), what);
            boolean bias = bool(c, "use_bias", true);
            int in = shape.get(0);
            budget((long) in * units + units, what);
            int at = addLayer(new Dense(units, a, Initializers.GLOROT), in);
            weighted.add(new WeightedLayer(name, "Dense", classes.size() - 1, at, new int[] {in, units}, bias));
            shape = List.of(units);
            markWeighted(index, a);
        }

        private void conv(Map<String, Object> c, String what, String name, int index, String cls) throws ModelFileException {
            if (shape.size() != 3) throw fail(what + " gets a " + tuple(shape) + " input; it needs (height, width, channels)");
            channelsLast(c, what);
            int filters = positiveInt(c, "filters", what);
            int k = square(c.get("kernel_size"), what, "kernel_size");
            if (!ones(c.get("strides"))) throw fail(what + " has strides " + c.get("strides") + "; Inkling's Conv2D has stride 1");
            if (!ones(c.get("dilation_rate"))) throw fail(what + " has dilation_rate " + c.get("dilation_rate") + "; Inkling's Conv2D has none");
            if (c.get("groups") instanceof Number g && g.intValue() != 1) throw fail(what + " has groups " + g + "; Inkling's Conv2D has 1");
            Conv2D.Padding padding;
            try {
                padding = Conv2D.Padding.parse(c.get("padding") instanceof String p ? p : "valid");
            } catch (IllegalArgumentException e) {
                throw fail(what + " has padding '" + c.get("padding") + "'; Inkling has valid and same");
            }
            if (padding == Conv2D.Padding.SAME && sawRescaling && offset != 0 && weighted.isEmpty()) {
                throw fail(what + " has padding 'same' after a Rescaling with an offset; Inkling cannot fold that offset into it");
            }
            Activation a = parseActivation(c.get("activation"), what);
            if (a == Activation.SOFTMAX) throw fail(what + " has a softmax activation, which Inkling's Conv2D has not");
            boolean bias = bool(c, "use_bias", true);
            int h = shape.get(0), w = shape.get(1), ch = shape.get(2);
            int oh = padding == Conv2D.Padding.SAME ? h : h - k + 1, ow = padding == Conv2D.Padding.SAME ? w : w - k + 1;
            if (oh <= 0 || ow <= 0) throw fail(what + ": its " + k + "x" + k + " kernel does not fit the " + tuple(shape) + " input");
            budget((long) k * k * ch * filters + filters, what);
            int at = addLayer(new Conv2D(filters, k, a, Initializers.GLOROT, padding), 0);
            weighted.add(new WeightedLayer(name, cls, classes.size() - 1, at, new int[] {k, k, ch, filters}, bias));
            shape = List.of(oh, ow, filters);
            markWeighted(index, a);
        }

        private void pool(Map<String, Object> c, String what) throws ModelFileException {
            if (shape.size() != 3) throw fail(what + " gets a " + tuple(shape) + " input; it needs (height, width, channels)");
            channelsLast(c, what);
            if (sawRescaling && weighted.isEmpty() && scale <= 0) {
                throw fail(what + " pools after a Rescaling with a negative scale; Inkling cannot fold that into a later layer");
            }
            int p = square(c.get("pool_size") == null ? List.of(2L, 2L) : c.get("pool_size"), what, "pool_size");
            Object strides = c.get("strides");
            if (strides != null && square(strides, what, "strides") != p) {
                throw fail(what + " has strides " + strides + " unlike its pool_size " + p + "; Inkling pools with stride = pool size");
            }
            String padding = c.get("padding") instanceof String s ? s : "valid";
            int h = shape.get(0), w = shape.get(1);
            if (padding.equals("same") && (h % p != 0 || w % p != 0)) {
                throw fail(what + " has padding 'same' on a " + h + "x" + w + " input that " + p + "x" + p + " windows do not tile; Inkling pools 'valid'");
            } else if (!padding.equals("same") && !padding.equals("valid")) {
                throw fail(what + " has padding '" + padding + "'");
            }
            if (h / p == 0 || w / p == 0) throw fail(what + ": a " + p + "x" + p + " pool does not fit the " + tuple(shape) + " input");
            addLayer(new MaxPool2D(p), 0);
            shape = List.of(h / p, w / p, shape.get(2));
        }

        /** {@code Activation(...)} right after a linear Dense/Conv2D (Dropouts between are fine) becomes its activation. */
        private void activation(Map<String, Object> c, String what, boolean rightAfterWeighted) throws ModelFileException {
            Activation a = parseActivation(c.get("activation"), what);
            if (a == Activation.LINEAR) {
                onlyIdentitySinceWeighted = rightAfterWeighted;
                return;
            }
            if (lastWeighted < 0 || !lastWeightedLinear || !rightAfterWeighted) {
                throw fail(what + ": Inkling merges an Activation layer into the Dense or Conv2D right before it, and that layer must be linear");
            }
            int at = layers.size() - 1;
            Layer prev = layers.get(at);
            Layer merged;
            if (prev instanceof Dense d) {
                merged = new Dense(d.units(), a, Initializers.GLOROT);
            } else if (prev instanceof Conv2D cv) {
                if (a == Activation.SOFTMAX) throw fail(what + ": a softmax over a convolution's channels is not something Inkling computes");
                merged = new Conv2D(cv.filters(), cv.kernelSize(), a, Initializers.GLOROT, cv.padding());
            } else {
                throw new IllegalStateException("last weighted layer is " + prev);
            }
            layers.set(at, merged);
            lastWeightedLinear = false;
            lastWeighted = -1;
        }

        private void markWeighted(int index, Activation a) {
            lastWeighted = index;
            lastWeightedLinear = a == Activation.LINEAR;
            onlyIdentitySinceWeighted = true;
        }

        /** Appends an Inkling layer, fixing the network's input shape at the first one. */
        private int addLayer(Layer l, int flatSize) throws ModelFileException {
            if (layers.size() >= MAX_LAYERS) throw fail("has more than " + MAX_LAYERS + " layers");
            if (inklingInput == null) {
                inklingInput = shape.size() == 3 ? Shape.image(shape.get(0), shape.get(1), shape.get(2)) : Shape.flat(size(shape));
            }
            layers.add(l);
            return layers.size() - 1;
        }

        private void budget(long params, String what) throws ModelFileException {
            parameters += params;
            if (parameters > MAX_PARAMETERS) {
                throw fail(what + " brings the model past " + MAX_PARAMETERS + " parameters, more than Inkling opens");
            }
        }

        Plan finish(String modelName) throws ModelFileException {
            if (weighted.isEmpty()) throw fail("has no Dense or Conv2D layer: nothing to compute");
            if (shape.size() != 1) throw fail("ends with a " + tuple(shape) + " output; Inkling needs a flat one (a Flatten and a Dense)");
            if (shape.get(0) != DigitGeometry.DIGITS && shape.get(0) != DigitGeometry.DIGITS + 1) {
                throw fail("has " + shape.get(0) + " outputs; Inkling reads digits and needs " + DigitGeometry.DIGITS
                        + " (or " + (DigitGeometry.DIGITS + 1) + ": the digits and \"not a digit\", as Inkling exports them)");
            }
            boolean softmaxAdded = false;
            int last = layers.size() - 1;
            if (layers.get(last) instanceof Dense d && d.activation() == Activation.LINEAR) {
                // logits (Keras' from_logits=True tutorials): the probabilities are their softmax
                layers.set(last, new Dense(d.units(), Activation.SOFTMAX, Initializers.GLOROT));
                softmaxAdded = true;
            }
            return new Plan(inklingInput, List.copyOf(layers), List.copyOf(weighted), List.copyOf(classes), List.copyOf(names),
                    sawRescaling, scale, offset, softmaxAdded, modelName);
        }
    }

    private void checkInput(List<Integer> dims) throws ModelFileException {
        boolean ok = dims.equals(List.of(DigitGeometry.PIXELS)) || dims.equals(List.of(DigitGeometry.SIDE, DigitGeometry.SIDE))
                || dims.equals(List.of(DigitGeometry.SIDE, DigitGeometry.SIDE, 1));
        if (!ok) {
            throw fail("takes inputs of shape " + tuple(dims) + "; Inkling feeds (784,), (28, 28) or (28, 28, 1) digits");
        }
    }

    /** {@code batch_shape}/{@code batch_input_shape} without the batch, or null when the layer has neither. */
    private List<Integer> batchShape(Map<String, Object> c, String what) throws ModelFileException {
        for (String key : List.of("batch_shape", "batch_input_shape")) {
            if (c.get(key) instanceof List<?> l) return shapeWithoutBatch(l, what + " " + key);
        }
        if (c.get("input_shape") instanceof List<?> l) return intList(l, what + " input_shape");
        return null;
    }

    private List<Integer> shapeWithoutBatch(List<?> l, String what) throws ModelFileException {
        if (l.size() < 2 || l.size() > 4) throw fail(what + " is " + l + "; expected (batch, ...) of 2 to 4 dimensions");
        return intList(l.subList(1, l.size()), what);
    }

    private List<Integer> intList(List<?> l, String what) throws ModelFileException {
        if (l.size() > 4) throw fail(what + " has " + l.size() + " dimensions");
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > 1 << 24) {
                throw fail(what + " is " + l + ", not a list of whole numbers");
            }
            out.add(n.intValue());
        }
        return out;
    }

    private Activation parseActivation(Object v, String what) throws ModelFileException {
        if (v == null) return Activation.LINEAR;
        if (v instanceof Map<?, ?> m && m.get("class_name") instanceof String s) v = m.get("config") instanceof Map<?, ?> cm
                && cm.get("name") instanceof String n ? n : s;   // an activation object serialised by Keras 3
        if (v instanceof String s) {
            String n = s.toLowerCase(Locale.ROOT);
            try {
                return Activation.parse(n);
            } catch (IllegalArgumentException e) {
                throw fail(what + " has activation '" + s + "', which Inkling lacks (it has relu, sigmoid, tanh, softmax, linear)");
            }
        }
        throw fail(what + " has an activation Inkling cannot read: " + v);
    }

    private int positiveInt(Map<String, Object> c, String key, String what) throws ModelFileException {
        if (c.get(key) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 1
                && n.doubleValue() <= 1 << 24) {
            return n.intValue();
        }
        throw fail(what + " needs a positive whole number '" + key + "', got " + c.get(key));
    }

    private double number(Map<String, Object> c, String key, String what) throws ModelFileException {
        if (c.get(key) instanceof Number n && Double.isFinite(n.doubleValue())) return n.doubleValue();
        throw fail(what + " needs a number '" + key + "' (Inkling reads one scale for all pixels), got " + c.get(key));
    }

    private int square(Object v, String what, String key) throws ModelFileException {
        if (v instanceof Number n) return (int) Math.max(1, Math.min(n.longValue(), 1 << 16));
        if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b
                && a.longValue() == b.longValue() && a.longValue() >= 1 && a.longValue() <= 1 << 16) {
            return a.intValue();
        }
        throw fail(what + " has " + key + " " + v + "; Inkling has square windows only");
    }

    private static boolean ones(Object v) {
        if (v == null) return true;
        if (v instanceof Number n) return n.intValue() == 1;
        return v instanceof List<?> l && l.stream().allMatch(o -> o instanceof Number n && n.intValue() == 1);
    }

    private static boolean bool(Map<String, Object> c, String key, boolean dflt) {
        return c.get(key) instanceof Boolean b ? b : dflt;
    }

    private void channelsLast(Map<String, Object> c, String what) throws ModelFileException {
        Object f = c.get("data_format");
        if (f != null && !"channels_last".equals(f)) {
            throw fail(what + " has data_format '" + f + "'; Inkling computes channels_last (Keras' default)");
        }
    }

    static String name(Map<String, Object> layer, int index) {
        if (config(layer).get("name") instanceof String n) return n;
        if (layer.get("name") instanceof String n) return n;
        return "#" + (index + 1);
    }

    static Map<String, Object> config(Map<String, Object> layer) {
        return layer.get("config") instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static int size(List<Integer> dims) {
        int s = 1;
        for (int d : dims) s *= d;
        return s;
    }

    static String tuple(List<Integer> dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.size(); i++) sb.append(i > 0 ? ", " : "").append(dims.get(i));
        return sb.append(dims.size() == 1 ? ",)" : ")").toString();
    }

    static String tuple(int[] dims) {
        List<Integer> l = new ArrayList<>();
        for (int d : dims) l.add(d);
        return tuple(l);
    }

    /** Keras' {@code to_snake_case} of a class name, as the Keras 3 weights file names its groups. */
    static String snakeCase(String cls) {
        // keras/src/utils/naming.py: re.sub(r"\W+", "", re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)),
        // then re.sub("([a-z])([A-Z])", r"\1_\2", ...).lower()
        String s = cls.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return s.replaceAll("\\W+", "");
    }

    /**
     * The network of {@code plan} with Keras' weights: {@code arrays.get(i)} holds the kernel and the
     * bias (null when the layer has none) of {@code plan.weighted().get(i)}, in Keras' shapes, which
     * are Inkling's (Dense (in, units), Conv2D (kh, kw, in, out)), so they are copied as they are. A
     * folded Rescaling {@code x -> s·x + o} turns the first layer's {@code K, b} into
     * {@code s·K, b + o·Σ K} (the sum over each output's inputs).
     */
    static org.inkling.nn.Sequential network(Plan plan, List<float[][]> arrays) {
        org.inkling.nn.Sequential net = new org.inkling.nn.Sequential(plan.input(), plan.layers(), 0);
        for (int i = 0; i < plan.weighted().size(); i++) {
            WeightedLayer w = plan.weighted().get(i);
            float[] kernel = arrays.get(i)[0], bias = arrays.get(i)[1];
            int outs = w.kernelShape()[w.kernelShape().length - 1];
            float[] b = bias == null ? new float[outs] : bias.clone();
            float[] k = kernel;
            if (i == 0 && plan.rescaled()) {
                k = new float[kernel.length];
                double[] sums = new double[outs];
                for (int j = 0; j < kernel.length; j++) {
                    k[j] = (float) (plan.inputScale() * kernel[j]);
                    sums[j % outs] += kernel[j];
                }
                for (int o = 0; o < outs; o++) b[o] = (float) (b[o] + plan.inputOffset() * sums[o]);
            }
            List<org.inkling.nn.Param> params = net.layers().get(w.inklingIndex()).params();
            System.arraycopy(k, 0, params.get(0).value().data, 0, k.length);
            System.arraycopy(b, 0, params.get(1).value().data, 0, b.length);
        }
        return net;
    }

    /** What an imported model's recipe says about its origin, for the app and {@code model.json}. */
    static Map<String, Object> recipe(String importedFrom, String format, String file, Plan plan, Map<String, Object> extra) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("imported_from", importedFrom);
        r.put("format", format);
        r.put("file", file);
        r.putAll(extra);
        if (plan.modelName() != null) r.put("keras_name", plan.modelName());
        r.put("input_scaling", plan.rescaled()
                ? "Rescaling of 0..255 pixels folded into the first layer: it sees " + plan.inputScale() + "·x + " + plan.inputOffset()
                        + " of Inkling's 0..1 pixels x"
                : "0..1 pixels");
        if (plan.softmaxAdded()) r.put("softmax_added", "the model outputs logits; Inkling shows their softmax");
        return r;
    }

    private ModelFileException fail(String problem) {
        return new ModelFileException(source, problem);
    }
}
