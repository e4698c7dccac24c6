package dev.localcvm.clock;

import java.util.OptionalLong;

/** Where the admin clock offset is kept, so that it survives restarts and replicas share it. */
public interface OffsetStore {
    /** The offset in milliseconds. */
    long read();

    /**
     * Adds to the offset atomically unless the total would pass {@code maxTotal} (checked in the same step,
     * so that replicas advancing at once cannot pass it together).
     *
     * @return the new total, or empty when the addition was refused and nothing changed
     */
    OptionalLong add(long millis, long maxTotal);
}
