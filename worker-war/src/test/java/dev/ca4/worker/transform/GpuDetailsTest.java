package dev.ca4.worker.transform;

import dev.ca4.worker.record.RecordOrigin;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class GpuDetailsTest {

    private static Document gpu(java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit) {
        Document doc = new Document();
        new GpuDetails().apply(doc, TransformTestEvents.event(edit), RecordOrigin.UNKNOWN);
        return doc.get("gpu", Document.class);
    }

    @Test
    void aCudaEventKeepsItsDetailsWithMemoryInMib() {
        Document g = gpu(e -> e.putObject("gpu").put("backend", "cuda").put("name", "Tesla T4").put("count", 2)
                .put("memory_total_mb", 15360).put("cuda_version", "12.2").put("driver_version", "535.104.05")
                .put("compute_capability", "7.5"));
        assertEquals(new Document("backend", "cuda").append("vendor", "nvidia").append("name", "Tesla T4")
                .append("count", 2).append("memory_total_mib", 15360L).append("cuda_version", "12.2")
                .append("driver_version", "535.104.05").append("compute_capability", "7.5"), g);
    }

    @Test
    void theReadingTakenWhileTheBatchRanIsKept() {
        Document g = gpu(e -> e.putObject("gpu").put("backend", "cuda").put("utilization_pct", 87)
                .put("memory_used_mb", 3120).put("memory_free_mb", 12240).put("driver_cuda_version", "12.4"));
        assertEquals(87, g.get("utilization_pct"));
        assertEquals(3120L, g.get("memory_used_mib"));
        assertEquals(12240L, g.get("memory_free_mib"));
        assertEquals("12.4", g.get("driver_cuda_version"));
    }

    @Test
    void aMissingCountIsOneGpuOrNoneOnTheCpu() {
        assertEquals(1, gpu(e -> e.putObject("gpu").put("backend", "cuda")).get("count"));
        assertEquals(1, gpu(e -> e.putObject("gpu").put("backend", "tpu")).get("count"));
        assertEquals(0, gpu(e -> e.putObject("gpu").put("backend", "cpu")).get("count"));
    }

    @Test
    void absentDetailsAreLeftOutNotStoredAsNull() {
        Document g = gpu(e -> e.putObject("gpu").put("backend", "cpu"));
        assertEquals(java.util.Set.of("backend", "vendor", "count"), g.keySet());
        assertFalse(g.containsValue(null));
    }

    @Test
    void theVendorComesFromTheBackendOrTheName() {
        assertEquals("nvidia", GpuDetails.vendor("cuda", null));
        assertEquals("nvidia", GpuDetails.vendor("cpu", "NVIDIA A100"));
        assertEquals("nvidia", GpuDetails.vendor("cpu", "GeForce RTX 4090"));
        assertEquals("nvidia", GpuDetails.vendor("cpu", "Tesla V100"));
        assertEquals("google", GpuDetails.vendor("tpu", "v5e"));
        assertEquals("intel", GpuDetails.vendor("cpu", "Intel(R) Xeon(R)"));
        assertEquals("amd", GpuDetails.vendor("cpu", "AMD EPYC 7B13"));
        assertEquals("amd", GpuDetails.vendor("cpu", "Radeon Pro"));
        assertEquals("amd", GpuDetails.vendor("cpu", "epyc"));
        assertEquals("amd", GpuDetails.vendor("cpu", "Ryzen 9"));
        assertEquals("apple", GpuDetails.vendor("cpu", "Apple M2"));
        assertEquals("unknown", GpuDetails.vendor("cpu", "sample CPU"));
        assertEquals("unknown", GpuDetails.vendor("cpu", null));
    }
}
