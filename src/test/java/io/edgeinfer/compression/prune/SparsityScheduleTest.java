package io.edgeinfer.compression.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparsityScheduleTest {

    private final SparsitySchedule schedule = new SparsitySchedule(0.0, 0.8, 100, 1100, 100, 3);

    @Test
    void followsCubicDecay() {
        assertEquals(0.0, schedule.sparsityAt(99), 1e-12);
        assertEquals(0.0, schedule.sparsityAt(100), 1e-12);
        assertEquals(0.8 * (1 - Math.pow(0.5, 3)), schedule.sparsityAt(600), 1e-12);
        assertEquals(0.8 * (1 - Math.pow(0.9, 3)), schedule.sparsityAt(200), 1e-12);
        assertEquals(0.8, schedule.sparsityAt(1100), 1e-12);
        assertEquals(0.8, schedule.sparsityAt(5000), 1e-12);
    }

    @Test
    void risesMonotonically() {
        double previous = 0;
        for (long step = 0; step <= 1200; step++) {
            double sparsity = schedule.sparsityAt(step);
            assertTrue(sparsity >= previous, "sparsity fell at step " + step);
            previous = sparsity;
        }
    }

    @Test
    void updatesEveryFrequencyStepsInWindow() {
        assertFalse(schedule.updatesAt(0));
        assertTrue(schedule.updatesAt(100));
        assertFalse(schedule.updatesAt(150));
        assertTrue(schedule.updatesAt(200));
        assertTrue(schedule.updatesAt(1100));
        assertFalse(schedule.updatesAt(1200));
    }

    @Test
    void endStepUpdatesOffFrequency() {
        SparsitySchedule odd = new SparsitySchedule(0.1, 0.5, 0, 250, 100, 3);

        assertTrue(odd.updatesAt(250));
        assertEquals(0.5, odd.sparsityAt(250), 1e-12);
        assertEquals(0.1, odd.sparsityAt(0), 1e-12);
    }

    @Test
    void invalidScheduleRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SparsitySchedule(0.5, 0.4, 0, 10, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SparsitySchedule(0.0, 1.0, 0, 10, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SparsitySchedule(0.0, 0.5, 10, 5, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new SparsitySchedule(0.0, 0.5, 0, 10, 0, 3));
    }
}
