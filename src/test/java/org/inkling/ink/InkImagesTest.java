package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InkImagesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheGreyLevelsMagnified() throws Exception {
        float[] px = new float[784];
        px[0] = 1f;
        px[28 * 27 + 27] = 0.5f;
        Path out = dir.resolve("digit.png");
        InkImages.writePng(px, out, 3);
        BufferedImage img = ImageIO.read(out.toFile());
        assertThat(img.getWidth()).isEqualTo(84);
        assertThat(img.getHeight()).isEqualTo(84);
        assertThat(img.getRaster().getSample(2, 2, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(3, 3, 0)).isZero();
        assertThat(img.getRaster().getSample(83, 81, 0)).isEqualTo(128);
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> InkImages.writePng(new float[100], dir.resolve("x.png")))
                .hasMessageContaining("784");
    }
}
