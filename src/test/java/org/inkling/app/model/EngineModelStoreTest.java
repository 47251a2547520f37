package org.inkling.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineModelStoreTest {
    private static float[] aSeven() {
        float[] x = new float[784];
        for (int r = 6; r < 22; r++) x[r * 28 + 10 + (22 - r) / 2] = 1f;
        for (int c = 8; c < 20; c++) x[6 * 28 + c] = 1f;
        return x;
    }

    @Test
    void theShippedModelReadWhileTheToolkitStartsIsTheOneReadLaterAndIsTakenOnce() throws Exception {
        EngineModelStore.startReadingShipped();
        EngineModel early = (EngineModel) new EngineModelStore().shipped().orElseThrow();
        EngineModel later = (EngineModel) new EngineModelStore().shipped().orElseThrow();
        // the second call reads the file again: each caller gets a network of its own
        assertThat(later.engineNetwork()).isNotSameAs(early.engineNetwork());
        assertThat(early.name()).isEqualTo(later.name());
        assertThat(early.engineNetwork().predict(aSeven())).containsExactly(later.engineNetwork().predict(aSeven()));
        assertThat(early.testAccuracy()).isEqualTo(later.testAccuracy());
    }
}
