package org.inkling.inspect;

import java.util.List;

/**
 * One layer seen from outside: its name and kind, and its output for one input either as pictures
 * (one feature map per channel for an image-shaped output) or as a row of unit values.
 *
 * @param maps one picture per channel for convolution and pooling outputs, else empty
 * @param units the output values when the layer is flat (dense), else empty
 */
public record LayerView(String name, String type, String shape, List<Picture> maps, float[] units) {}
