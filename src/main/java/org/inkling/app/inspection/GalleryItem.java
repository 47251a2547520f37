package org.inkling.app.inspection;

/**
 * One example of an evaluated set as the gallery shows it.
 *
 * @param index its position in the set
 * @param image the 28x28 input, 0..1
 * @param probabilities the network's ten outputs for it
 */
public record GalleryItem(int index, int label, int predicted, float[] image, float[] probabilities) {
    public float confidence() {
        return probabilities[predicted];
    }
}
