package dev.localcvm.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * A one-to-one map between instance ids ({@code ins-} and 8 of [a-z0-9]) and the numbers [0, 36^8) that the
 * store keys instances and tombstones by.
 *
 * <p>Why: ids must look random, and random keys scatter a batch over a B-tree, so that launching and destroying
 * 100 instances rewrote about 100 pages of each id-keyed index (BENCHMARKS.md, step 8). RunInstances takes a
 * run of consecutive numbers instead, which lie side by side in every index, and shows them through a fixed
 * pseudo-random permutation: the ids of one launch look as unrelated as independent random ones. A number
 * key also lets H2 use it as the table's own row key, one index fewer than a text primary key.
 *
 * <p>The permutation must never change: stored keys and the ids answered for them depend on it.
 */
public final class InstanceKeys {
    /** How many ids there are: 36^8. */
    public static final long SPACE = 2_821_109_907_456L;
    private static final String PREFIX = "ins-";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int BITS = 42;
    private static final int HALF = BITS / 2;
    private static final long MASK = (1L << BITS) - 1;
    private static final long[] MULTIPLIERS = {0x9E3779B97F4A7C15L & MASK, 0xBF58476D1CE4E5B9L & MASK,
            0x94D049BB133111EBL & MASK};
    private static final long[] INVERSES = new long[MULTIPLIERS.length];

    static {
        for (int k = 0; k < MULTIPLIERS.length; k++) {
            INVERSES[k] = inverse(MULTIPLIERS[k]);
        }
    }

    private InstanceKeys() {
    }

    /** The id shown for a number in [0, {@link #SPACE}). */
    public static String id(long key) {
        if (key < 0 || key >= SPACE) {
            throw new IllegalArgumentException("instance key out of range: " + key);
        }
        // Cycle-walking: a permutation of [0, 2^42) applied until the value falls in [0, 36^8) is a
        // permutation of [0, 36^8).
        long x = key;
        do {
            x = scramble(x);
        } while (x >= SPACE);
        char[] id = new char[PREFIX.length() + 8];
        PREFIX.getChars(0, PREFIX.length(), id, 0);
        for (int k = id.length - 1; k >= PREFIX.length(); k--) {
            id[k] = ALPHABET.charAt((int) (x % 36));
            x /= 36;
        }
        return new String(id);
    }

    /** The number of a well-formed id; empty for anything else, which no instance can have. */
    public static OptionalLong key(String id) {
        if (id == null || id.length() != PREFIX.length() + 8 || !id.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        long x = 0;
        for (int k = PREFIX.length(); k < id.length(); k++) {
            int digit = ALPHABET.indexOf(id.charAt(k));
            if (digit < 0) {
                return OptionalLong.empty();
            }
            x = x * 36 + digit;
        }
        do {
            x = unscramble(x);
        } while (x >= SPACE);
        return OptionalLong.of(x);
    }

    /** The keys of the well-formed ids among {@code ids}, in their order; no instance has any other id. */
    public static List<Long> keysOf(Collection<String> ids) {
        List<Long> keys = new ArrayList<>(ids.size());
        for (String id : ids) {
            key(id).ifPresent(keys::add);
        }
        return keys;
    }

    /** Multiply by an odd number and fold the high half into the low, three times: invertible on 42 bits. */
    private static long scramble(long x) {
        for (long m : MULTIPLIERS) {
            x = (x * m) & MASK;
            x ^= x >>> HALF;
        }
        return x;
    }

    private static long unscramble(long x) {
        for (int k = MULTIPLIERS.length - 1; k >= 0; k--) {
            x ^= x >>> HALF; // its own inverse: the shift is half the width
            x = (x * INVERSES[k]) & MASK;
        }
        return x;
    }

    /** The inverse of an odd number modulo 2^42 (Newton's iteration doubles the correct bits each step). */
    private static long inverse(long odd) {
        long inv = odd;
        for (int k = 0; k < 6; k++) {
            inv *= 2 - odd * inv;
        }
        return inv & MASK;
    }
}
