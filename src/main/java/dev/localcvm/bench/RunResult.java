package dev.localcvm.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured run: what was answered in the window, its latency, and the CPU spent on it.
 *
 * @param requests the requests answered in the window (for Run + Terminate, two per round)
 * @param units the work done in them: requests, or instances terminated
 */
record RunResult(String name, double seconds, long requests, long errors, long units, Histogram latencyMicros,
                 CpuWindow cpu) {
    double requestsPerSecond() {
        return requests / seconds;
    }

    double unitsPerSecond() {
        return units / seconds;
    }

    double percentileMillis(double p) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(p) / 1000.0;
    }

    double serverMicrosPerRequest() {
        return cpu.serverMicrosPer(requests);
    }

    double generatorMicrosPerRequest() {
        return cpu.generatorMicrosPer(requests);
    }

    String summary() {
        return String.format("%-34s %8.0f req/s  p50 %6.2f  p99 %6.2f  p99.9 %6.2f ms  server CPU %s us/req (%s of "
                        + "%d cores)  generator %5.1f us/req (%3.0f%%)  others %s  errors %d  limit: %s%s",
                name, requestsPerSecond(), percentileMillis(50), percentileMillis(99), percentileMillis(99.9),
                Double.isNaN(serverMicrosPerRequest()) ? "  n/a" : String.format("%5.1f", serverMicrosPerRequest()),
                Double.isNaN(cpu.serverCpuSeconds()) ? "n/a" : String.format("%3.0f%%", 100 * cpu.share(cpu.serverCpuSeconds())),
                cpu.cores(), generatorMicrosPerRequest(), 100 * cpu.share(cpu.generatorCpuSeconds()),
                Double.isNaN(cpu.othersCpuSeconds()) ? "n/a" : String.format("%3.0f%%", 100 * cpu.share(cpu.othersCpuSeconds())),
                errors, cpu.limit(),
                units != requests ? String.format("  (%.0f units/s, server CPU %.1f us/unit)", unitsPerSecond(),
                        cpu.serverCpuSeconds() * 1e6 / Math.max(1, units)) : "");
    }
}
