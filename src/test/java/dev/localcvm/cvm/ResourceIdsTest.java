package dev.localcvm.cvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localcvm.store.InstanceKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResourceIdsTest {
    private final ResourceIds ids = new ResourceIds();

    @Test
    void theIdsOfOneLaunchAreDistinctWellFormedAndConsecutiveInTheStore() {
        for (int count : new int[] {1, 2, 100, 500}) {
            List<String> batch = ids.instanceIds(count);
            assertThat(batch).hasSize(count).doesNotHaveDuplicates().allMatch(id -> id.matches("ins-[a-z0-9]{8}"));
            long first = InstanceKeys.key(batch.get(0)).orElseThrow();
            for (int k = 0; k < count; k++) {
                assertThat(InstanceKeys.key(batch.get(k))).hasValue(first + k);
            }
        }
    }

    @Test
    void theIdsOfOneLaunchLookUnrelated() {
        List<String> batch = ids.instanceIds(500);
        Set<String> stems = new HashSet<>();
        Set<Character> firsts = new HashSet<>();
        for (String id : batch) {
            stems.add(id.substring(4, 8));
            firsts.add(id.charAt(4));
        }
        // Independent random ids: about 500 distinct 4-character stems, and nearly every first character.
        assertThat(stems).hasSizeGreaterThan(490);
        assertThat(firsts).hasSizeGreaterThan(30);
    }

    @Test
    void launchesStartAtRandom() {
        Set<Long> starts = new HashSet<>();
        for (int k = 0; k < 50; k++) {
            starts.add(InstanceKeys.key(ids.instanceIds(3).get(0)).orElseThrow());
        }
        assertThat(starts).hasSizeGreaterThan(48);
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
