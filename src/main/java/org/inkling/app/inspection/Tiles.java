package org.inkling.app.inspection;

import java.util.List;
import javafx.scene.image.Image;

/**
 * Images ready to show, made on a worker thread (an {@link Image} may be made on any thread until a
 * scene shows it), under a title.
 */
public record Tiles(String title, List<Image> images, List<String> captions) {}
