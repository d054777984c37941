package io.headwater.bench;

import io.headwater.testkit.LocalPlatform;
import io.headwater.devstack.ServiceProcess;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each process of the platform spent during a measured interval: which process the machine's
 * time went to, and what one event costs each. On a saturated, shared machine both events/s and CPU per
 * event swing between identical runs (on the 2-core build machine, 440-810 events/s and 1.2-2.1 ms of
 * lineage-streams CPU per event for one build), so compare builds over several alternating runs.
 */
final class ProcessCpu {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Duration> before = new LinkedHashMap<>();

    /** Watches the platform's service processes (those it started) and this JVM, named {@code self}, from now on. */
    ProcessCpu(LocalPlatform platform, String self) {
        for (ServiceProcess service : new ServiceProcess[] {platform.streams, platform.query, platform.ingest, platform.registry}) {
            if (service != null) {
                ProcessHandle.of(service.pid()).ifPresent(handle -> processes.put(service.name(), handle));
            }
        }
        processes.put(self, ProcessHandle.current());
        processes.forEach((name, handle) -> before.put(name, cpu(handle)));
    }

    /**
     * Prints each process's CPU time since construction, in all and per event, and records the one named
     * {@code process} in the table as {@code figure}.
     */
    void print(String interval, long events, String process, String figure) {
        StringBuilder line = new StringBuilder();
        processes.forEach((name, handle) -> {
            double seconds = cpu(handle).minus(before.get(name)).toNanos() / 1e9;
            line.append(String.format("%n  %-60s %8.1f s  %8.0f µs/event", name, seconds, seconds * 1e6 / events));
            if (name.equals(process)) {
                Figures.add(figure, seconds * 1e6 / events, "µs", Figures.Goal.NONE, 0);
            }
        });
        System.out.println("CPU time " + interval + ":" + line);
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
