package dev.localcvm.api;

/** An action's fixed facts, declared once in its constructor. */
public abstract class BaseAction<Q extends Record> implements Action<Q> {
    private final String name;
    private final Class<Q> requestType;
    private final int rateLimitPerSecond;
    private final boolean regionRequired;

    protected BaseAction(String name, Class<Q> requestType, int rateLimitPerSecond) {
        this(name, requestType, rateLimitPerSecond, true);
    }

    protected BaseAction(String name, Class<Q> requestType, int rateLimitPerSecond, boolean regionRequired) {
        this.name = name;
        this.requestType = requestType;
        this.rateLimitPerSecond = rateLimitPerSecond;
        this.regionRequired = regionRequired;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<Q> requestType() {
        return requestType;
    }

    @Override
    public final int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    @Override
    public final boolean regionRequired() {
        return regionRequired;
    }
}
