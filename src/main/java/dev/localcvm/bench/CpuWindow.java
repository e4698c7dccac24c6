package dev.localcvm.bench;

/**
 * CPU used during a measured window: by the server under test (when its pid is known), by this process (the
 * load generator), and by everything else on the machine (other users of the shared cores), and the verdict
 * on what limited the run.
 *
 * @param serverCpuSeconds NaN when the server's pid is unknown
 * @param othersCpuSeconds NaN when the machine's counters are unknown
 * @param cores the cores the machine's counters cover
 * @param generatorThreads the threads the generator drives its connections from (its own ceiling in cores)
 */
record CpuWindow(double seconds, double serverCpuSeconds, double generatorCpuSeconds, double othersCpuSeconds,
                 int cores, int generatorThreads) {
    /** Busy shares at or above this count as saturated: the scheduler never hands out the last few percent. */
    static final double SATURATED = 0.9;

    /** A point in time to measure a window from. */
    record Sample(long wall, long server, long own, long[] machine) {
        static Sample take(long serverPid) {
            return new Sample(System.nanoTime(), serverPid > 0 ? ProcStats.cpuNanos(serverPid) : -1,
                    ProcStats.ownCpuNanos(), ProcStats.machineNanos());
        }

        CpuWindow until(Sample end, int generatorThreads) {
            double secs = (end.wall - wall) / 1e9;
            double serverCpu = this.server < 0 || end.server < 0 ? Double.NaN : (end.server - this.server) / 1e9;
            double own = (end.own - this.own) / 1e9;
            double others = Double.NaN;
            int cores = Runtime.getRuntime().availableProcessors();
            if (machine != null && end.machine != null) {
                double busy = (end.machine[0] - machine[0]) / 1e9;
                double total = (end.machine[1] - machine[1]) / 1e9;
                cores = Math.max(1, (int) Math.round(total / secs));
                others = Math.max(0, busy - own - (Double.isNaN(serverCpu) ? 0 : serverCpu));
            }
            return new CpuWindow(secs, serverCpu, own, others, cores, generatorThreads);
        }
    }

    /** CPU microseconds per request of the server; NaN when unknown. */
    double serverMicrosPer(long requests) {
        return requests == 0 ? Double.NaN : serverCpuSeconds * 1e6 / requests;
    }

    double generatorMicrosPer(long requests) {
        return requests == 0 ? Double.NaN : generatorCpuSeconds * 1e6 / requests;
    }

    /** Share of the machine (all cores over the window) that the server, the generator, the others used. */
    double share(double cpuSeconds) {
        return cpuSeconds / (seconds * cores);
    }

    /**
     * What limited the run. The generator is the limit when its own threads were busy nearly all the time
     * (share of its threads >= 90 %), or when the machine was saturated (all CPU, the others' included, >= 90 %
     * of the cores) and the generator took at least as much of it as the server: then the server could not
     * have had more CPU without the generator giving it up, and the throughput ratio says little. Otherwise a
     * saturated machine means the server was the limit (its CPU per request is the figure to compare), and an
     * unsaturated one that the server was waiting (locks, the disk, the closed loop's latency).
     */
    String limit() {
        double generatorOwnShare = generatorCpuSeconds / (seconds * Math.min(generatorThreads, cores));
        double all = generatorCpuSeconds + (Double.isNaN(serverCpuSeconds) ? 0 : serverCpuSeconds)
                + (Double.isNaN(othersCpuSeconds) ? 0 : othersCpuSeconds);
        boolean saturated = all / (seconds * cores) >= SATURATED;
        if (generatorOwnShare >= SATURATED) {
            return "GENERATOR (its threads busy)";
        }
        if (Double.isNaN(serverCpuSeconds)) {
            return saturated ? "machine (server CPU not measured)" : "not saturated (server CPU not measured)";
        }
        if (saturated && generatorCpuSeconds >= serverCpuSeconds) {
            return "GENERATOR (took >= the server's CPU)";
        }
        if (saturated) {
            double othersShare = Double.isNaN(othersCpuSeconds) ? 0 : share(othersCpuSeconds);
            return othersShare >= 0.25 ? "server, with others busy" : "server";
        }
        return "waits (CPU not saturated)";
    }

    /** Whether {@link #limit()} names the generator. */
    boolean generatorLimited() {
        return limit().startsWith("GENERATOR");
    }
}
