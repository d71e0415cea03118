package dev.ca4.worker.transform;

import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;

import java.util.Locale;

/** GPU details normalized: a vendor derived from backend and name, memory in MiB, counts defaulted. */
public class GpuDetails implements DocumentTransform {

    @Override
    public void apply(Document doc, GpuMetadataEvent e, RecordOrigin origin) {
        GpuMetadataEvent.GpuInfo g = e.gpu();
        doc.append("gpu", EventFields.compact(new Document("backend", g.backend())
                .append("vendor", vendor(g.backend(), g.name()))
                .append("name", g.name())
                .append("count", g.count() != null ? g.count() : "cpu".equals(g.backend()) ? 0 : 1)
                // nvidia-smi's "MiB" is what producers report as memory_total_mb
                .append("memory_total_mib", g.memoryTotalMb())
                .append("cuda_version", g.cudaVersion())
                .append("driver_version", g.driverVersion())
                .append("compute_capability", g.computeCapability())
                .append("utilization_pct", g.utilizationPct())
                .append("memory_used_mib", g.memoryUsedMb())
                .append("memory_free_mib", g.memoryFreeMb())
                .append("driver_cuda_version", g.driverCudaVersion())));
    }

    static String vendor(String backend, String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if ("cuda".equals(backend) || n.contains("nvidia") || n.contains("tesla") || n.contains("geforce")) {
            return "nvidia";
        }
        if ("tpu".equals(backend)) {
            return "google";
        }
        if (n.contains("intel")) {
            return "intel";
        }
        if (n.contains("amd") || n.contains("radeon") || n.contains("epyc") || n.contains("ryzen")) {
            return "amd";
        }
        if (n.contains("apple")) {
            return "apple";
        }
        return "unknown";
    }
}
