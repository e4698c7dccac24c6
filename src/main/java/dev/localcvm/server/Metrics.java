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

    /** @param knownActions action names used as tag values; any other name is counted as "other" */
    Metrics(Set<String> knownActions) {
        this.knownActions = Set.copyOf(knownActions);
    }

    void record(String action, String errorCode, long nanos) {
        String a = action != null && knownActions.contains(action) ? action : "other";
        Counter.builder("localcvm.requests")
                .description("API requests by action and outcome (OK or the error code)")
                .tag("action", a).tag("code", errorCode == null ? "OK" : errorCode)
                .register(registry).increment();
        Timer.builder("localcvm.request.duration")
                .description("API request latency, from the last body byte to the response")
                .tag("action", a)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    String scrape() {
        return registry.scrape();
    }
}
