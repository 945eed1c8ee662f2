package io.edgeinfer.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.model.ModelInterface.OutputKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopKTest {

    private static final List<String> LABELS = List.of("a", "b", "c", "d");

    @Test
    void probabilitiesAreRankedHighestFirst() {
        List<Prediction> top = TopK.of(new float[] {0.1f, 0.6f, 0.05f, 0.25f}, LABELS, 3, OutputKind.PROBABILITIES);

        assertEquals(List.of("b", "d", "a"), top.stream().map(Prediction::label).toList());
        assertEquals(1, top.get(0).index());
        assertEquals(0.6, top.get(0).score(), 1e-6);
    }

    @Test
    void logitsGetSoftmax() {
        List<Prediction> top = TopK.of(new float[] {0f, (float) Math.log(3), 0f, 0f}, LABELS, 1, OutputKind.LOGITS);

        assertEquals("b", top.get(0).label());
        assertEquals(0.5, top.get(0).score(), 1e-6);
    }

    @Test
    void largeKIsCappedAtLabelCount() {
        assertEquals(4, TopK.of(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, LABELS, 10, OutputKind.PROBABILITIES)
                .size());
    }

    @Test
    void tiesKeepLowerIndexFirst() {
        List<Prediction> top = TopK.of(new float[] {0.25f, 0.25f, 0.25f, 0.25f}, LABELS, 2, OutputKind.PROBABILITIES);

        assertEquals(List.of(0, 1), top.stream().map(Prediction::index).toList());
    }
}
