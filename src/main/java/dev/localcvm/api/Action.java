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

    /**
     * The CAM resources this request names, in the six-segment form ({@link CamResource}), for an action that CAM
     * authorizes at resource level; empty for every other action, which CAM authorizes on {@code *}.
     */
    default java.util.List<String> camResources(Q request, CallContext context) {
        return java.util.List.of();
    }

    /**
     * Whether CAM's policies decide this action for a signer that is not the root. False only for actions every
     * signer may call whatever its policies say (sts GetCallerIdentity); the credential's admin switches still hold.
     */
    default boolean camAuthorized() {
        return true;
    }

    /** The tags this request sets on what it creates, for CAM's {@code qcs:request_tag} condition; empty when none. */
    default java.util.Map<String, String> camRequestTags(Q request) {
        return java.util.Map.of();
    }

    /** The response's output fields; the gateway adds RequestId and the envelope. */
    Record execute(Q request, CallContext context);
}
