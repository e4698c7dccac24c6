package dev.localcvm.api;

/**
 * One API action: a typed request record in, a response record out. Implementations hold no HTTP
 * or envelope logic; they throw {@link dev.localcvm.error.ApiException} for API errors.
 */
public interface Action<Q extends Record> {
    String name();

    Class<Q> requestType();

    /** Whether the common parameter Region is required (api3-protocol.md §4.2: all but DescribeRegions). */
    default boolean regionRequired() {
        return true;
    }

    /** Requests per second allowed per account and region (cvm-terminate.md §12); 0 means no limit. */
    default int rateLimitPerSecond() {
        return 0;
    }

    /**
     * Whether the action reads or writes the store. Actions that do not (the region catalogue) can be
     * answered on the event loop, without a hop to a worker thread.
     */
    default boolean needsStore() {
        return true;
    }

    /**
     * Whether the action may change the store. The gateway answers such an action only once what it
     * committed is durable; reads need not wait for that.
     */
    default boolean writes() {
        return needsStore();
    }

    /** The response's output fields; the gateway adds RequestId and the envelope. */
    Record execute(Q request, CallContext context);
}
