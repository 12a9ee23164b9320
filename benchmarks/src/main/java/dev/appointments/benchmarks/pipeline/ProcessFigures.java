package dev.appointments.benchmarks.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time and memory of this process, which holds the engines, the services and the
 * harnesses alike.
 */
final class ProcessFigures {

    private ProcessFigures() {
    }

    /** CPU time of every thread of the process, in seconds. */
    static double cpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Resident set size in MB, from /proc (Linux); -1 elsewhere. */
    static long rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // Not Linux: the report says -1.
        }
        return -1;
    }

    /** Heap in use after a full collection, in MB. */
    static long heapAfterGcMegabytes() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / (1024 * 1024);
    }

    static long heapCommittedMegabytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1024 * 1024);
    }

}
