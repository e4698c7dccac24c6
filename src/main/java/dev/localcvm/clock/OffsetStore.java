package dev.localcvm.clock;

/** Where the admin clock offset is kept, so that it survives restarts and replicas share it. */
public interface OffsetStore {
    /** The offset in milliseconds. */
    long read();

    /** Adds to the offset atomically and answers the new total. */
    long add(long millis);
}
