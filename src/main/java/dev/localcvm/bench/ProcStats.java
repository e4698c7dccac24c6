package dev.localcvm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process and the machine: CPU time from {@code /proc/<pid>/stat} (the JVM cannot
 * tell another process's CPU), resident memory from {@code /proc/<pid>/status}, the machine's busy time from
 * {@code /proc/stat}. Everything answers -1 where {@code /proc} is not there (not Linux), so that the bench
 * still runs and says what it could not measure.
 */
final class ProcStats {
    /** Clock ticks per second of {@code /proc}'s CPU times ({@code getconf CLK_TCK}); 100 on every usual kernel. */
    static final long TICKS_PER_SECOND = ticksPerSecond();

    private ProcStats() {
    }

    /** User + system CPU time of the process (all its threads), in nanoseconds; -1 if unknown. */
    static long cpuNanos(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return -1;
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); utime is field 14, stime field 15.
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** This process's CPU time in nanoseconds (all threads), from the JVM. */
    static long ownCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return cpuNanos(ProcessHandle.current().pid());
    }

    /** Resident memory (VmRSS) in KiB; -1 if unknown. */
    static long rssKiB(long pid) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return -1;
        }
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    /**
     * The machine's CPU time, all cores: {busy, total} in nanoseconds ({@code /proc/stat}'s first line); busy
     * is everything but idle and iowait. Null if unknown.
     */
    static long[] machineNanos() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null || !stat.startsWith("cpu ")) {
            return null;
        }
        String[] f = stat.substring(4, stat.indexOf('\n')).trim().split("\\s+");
        long total = 0;
        long idle = 0;
        for (int i = 0; i < f.length && i < 8; i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 3 || i == 4) {
                idle += v;
            }
        }
        long scale = 1_000_000_000L / TICKS_PER_SECOND;
        return new long[] {(total - idle) * scale, total * scale};
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor() == 0 && out.matches("[1-9][0-9]*")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // No getconf: fall through to the value of every Linux the JDK runs on.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
