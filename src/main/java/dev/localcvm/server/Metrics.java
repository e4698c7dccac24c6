package dev.localcvm.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;

/** Prometheus metrics: requests by action and outcome code, and a latency histogram by action. */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Set<String> knownActions;
    private final java.util.concurrent.ConcurrentHashMap<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param knownActions action names used as tag values; any other name is counted as "other" */
    Metrics(Set<String> knownActions) {
        this.knownActions = Set.copyOf(knownActions);
    }

    void record(String action, String errorCode, long nanos) {
        String a = action != null && knownActions.contains(action) ? action : "other";
        String code = errorCode == null ? "OK" : errorCode;
        // Meters are looked up once per (action, code): building and registering one per request costs more
        // than the request's own work for the cheapest actions.
        counters.computeIfAbsent(a + '|' + code, k -> Counter.builder("localcvm.requests")
                .description("API requests by action and outcome (OK or the error code)")
                .tag("action", a).tag("code", code)
                .register(registry)).increment();
        timers.computeIfAbsent(a, k -> Timer.builder("localcvm.request.duration")
                .description("API request latency, from the request's arrival to the response")
                .tag("action", a)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    String scrape() {
        return registry.scrape();
    }
}
