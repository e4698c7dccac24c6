package dev.localcvm.cvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {
    private final ResourceIds ids = new ResourceIds();

    @Test
    void theIdsOfOneLaunchAreDistinctWellFormedAndShareTheirStem() {
        for (int count : new int[] {1, 2, 100, 500}) {
            List<String> batch = ids.instanceIds(count);
            assertThat(batch).hasSize(count).doesNotHaveDuplicates().allMatch(id -> id.matches("ins-[a-z0-9]{8}"));
            String stem = batch.get(0).substring(0, 4 + ResourceIds.STEM);
            assertThat(batch).allMatch(id -> id.startsWith(stem));
        }
    }

    @Test
    void launchesDrawTheirStemsAtRandom() {
        Set<String> stems = new HashSet<>();
        for (int k = 0; k < 50; k++) {
            stems.add(ids.instanceIds(3).get(0).substring(0, 4 + ResourceIds.STEM));
        }
        // 50 draws from 36^4 stems: all alike only if the stem were fixed.
        assertThat(stems).hasSizeGreaterThan(40);
    }

    @Test
    void theSameSourceDrawsTheSameIds() {
        assertThat(new ResourceIds(seeded(7)).instanceIds(5)).isEqualTo(new ResourceIds(seeded(7)).instanceIds(5));
    }

    @Test
    void aCountOutsideOneTo1000IsRefused() {
        assertThatThrownBy(() -> ids.instanceIds(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.instanceIds(1_001)).isInstanceOf(IllegalArgumentException.class);
    }

    /** One seeded generator for every draw of the ResourceIds built with it. */
    static java.util.function.Supplier<java.util.random.RandomGenerator> seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> random;
    }
}
