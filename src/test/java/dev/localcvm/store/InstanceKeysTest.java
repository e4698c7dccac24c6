package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstanceKeysTest {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void everyKeyHasAWellFormedIdThatLeadsBackToIt() {
        SplittableRandom random = new SplittableRandom(42);
        long[] keys = random.longs(20_000, 0, InstanceKeys.SPACE).toArray();
        keys = Arrays.copyOf(keys, keys.length + 2);
        keys[keys.length - 1] = InstanceKeys.SPACE - 1; // and 0, the array's added other end
        for (long key : keys) {
            String id = InstanceKeys.id(key);
            assertThat(id).matches("ins-[a-z0-9]{8}");
            assertThat(InstanceKeys.key(id)).as(id).hasValue(key);
        }
    }

    @Test
    void everyWellFormedIdHasAKeyThatLeadsBackToIt() {
        SplittableRandom random = new SplittableRandom(43);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder id = new StringBuilder("ins-");
            for (int k = 0; k < 8; k++) {
                id.append(ALPHABET.charAt(random.nextInt(36)));
            }
            long key = InstanceKeys.key(id.toString()).orElseThrow();
            assertThat(key).isBetween(0L, InstanceKeys.SPACE - 1);
            assertThat(InstanceKeys.id(key)).isEqualTo(id.toString());
        }
    }

    @Test
    void consecutiveKeysHaveDistinctIds() {
        Set<String> ids = new HashSet<>();
        for (long key = 0; key < 100_000; key++) {
            ids.add(InstanceKeys.id(key));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void thePermutationNeverChanges() {
        // Stored keys depend on it: these values were computed when it was written and must stay.
        assertThat(InstanceKeys.id(0)).isEqualTo(PINNED_0);
        assertThat(InstanceKeys.id(1)).isEqualTo(PINNED_1);
        assertThat(InstanceKeys.id(InstanceKeys.SPACE - 1)).isEqualTo(PINNED_LAST);
    }

    @Test
    void anythingElseHasNoKey() {
        for (String bad : new String[] {null, "", "ins-", "ins-1234567", "ins-123456789", "inx-12345678",
                "INS-12345678", "ins-ABCDEFGH", "ins-1234567!", "ins-1234 678"}) {
            assertThat(InstanceKeys.key(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThatThrownBy(() -> InstanceKeys.id(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstanceKeys.id(InstanceKeys.SPACE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysOfKeepsTheWellFormedIdsInOrder() {
        String a = InstanceKeys.id(5);
        String b = InstanceKeys.id(3);
        assertThat(InstanceKeys.keysOf(java.util.List.of(a, "ins-NOTANID", b, "x"))).containsExactly(5L, 3L);
        assertThat(InstanceKeys.keysOf(java.util.List.of("bad"))).isEmpty();
    }

    private static final String PINNED_0 = "ins-aaaaaaaa";
    private static final String PINNED_1 = "ins-pvh8zcvf";
    private static final String PINNED_LAST = "ins-oo0plpyt";
}
