package dev.ca4.producer.gpu;

import dev.ca4.event.GpuMetadataEvent.GpuInfo;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code gpu} section for the batch being built: the device facts probed once, with a utilisation and memory
 * reading refreshed every {@code --gpu-sample-ms} in the background (nvidia-smi takes tens of milliseconds, so
 * the batches never wait for it). A CPU run has no reading and nothing runs.
 */
public final class GpuReadings implements Supplier<GpuInfo>, AutoCloseable {

    private final ScheduledExecutorService sampler;
    private volatile GpuInfo latest;

    private GpuReadings(GpuInfo first, ScheduledExecutorService sampler) {
        this.latest = first;
        this.sampler = sampler;
    }

    /** Probes the device now and, on CUDA, keeps reading it every {@code every}. */
    public static GpuReadings start(GpuProbe probe, Duration every) {
        return start(probe::probe, probe, every);
    }

    /** @param firstProbe the device as found at start (ND4J's environment, read once) */
    static GpuReadings start(Supplier<GpuInfo> firstProbe, GpuProbe probe, Duration every) {
        GpuInfo first = firstProbe.get();
        if (!"cuda".equals(first.backend())) {
            return new GpuReadings(first, null);
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ca4-gpu-sampler");
            t.setDaemon(true);
            return t;
        });
        GpuReadings readings = new GpuReadings(first, sampler);
        sampler.scheduleWithFixedDelay(() -> readings.latest = probe.reading(first), every.toMillis(),
                every.toMillis(), TimeUnit.MILLISECONDS);
        return readings;
    }

    /** The device facts with the newest reading. */
    @Override
    public GpuInfo get() {
        return latest;
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }
}
