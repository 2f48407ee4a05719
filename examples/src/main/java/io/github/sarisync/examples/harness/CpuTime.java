package io.github.sarisync.examples.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM and by another process tree (the embedded PostgreSQL server
 * and its backends), to show where a benchmark's time went.
 */
public final class CpuTime {
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds this JVM used since it started (all threads). */
    public static double processSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    /**
     * CPU seconds a process and its running children used since they started (user + system,
     * from {@code /proc/<pid>/stat}, counting {@code USER_HZ} as 100 ticks per second): for a
     * PostgreSQL server, the postmaster and its backends. 0 where there is no {@code /proc}.
     */
    public static double treeSeconds(long pid) {
        return ProcessHandle.of(pid).map(root -> seconds(root)
                + root.descendants().mapToDouble(CpuTime::seconds).sum()).orElse(0.0);
    }

    private static double seconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing bracket
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
