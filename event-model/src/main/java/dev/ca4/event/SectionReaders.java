package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Readers for the small nested sections of an event: source, image, model, gpu, timings_ms. */
final class SectionReaders {

    private SectionReaders() {
    }

    private static FieldReader section(FieldReader top, String name, boolean required, Set<String> known) {
        JsonNode node = top.object(name, required);
        if (node == null) {
            return null;
        }
        FieldReader r = new FieldReader(node, top.path(name), top.violations());
        r.rejectUnknown(known);
        return r;
    }

    static GpuMetadataEvent.Source source(FieldReader top) {
        FieldReader r = section(top, "source", true, Set.of("producer", "run_id", "host"));
        if (r == null) {
            return null;
        }
        return new GpuMetadataEvent.Source(r.string("producer", true, 256), r.string("run_id", false, 256),
                r.string("host", false, 256));
    }

    static GpuMetadataEvent.ImageInfo image(FieldReader top, Pattern sha256) {
        FieldReader r = section(top, "image", true, Set.of("id", "sha256", "width", "height", "content_type"));
        if (r == null) {
            return null;
        }
        String id = r.string("id", true, 2048);
        String sha = r.string("sha256", false, 64);
        if (sha != null && !sha256.matcher(sha).matches()) {
            r.fail("sha256", "format:sha256", "must be 64 hexadecimal characters");
            sha = null;
        }
        Long width = r.integer("width", false, 1, 1_000_000);
        Long height = r.integer("height", false, 1, 1_000_000);
        String contentType = r.string("content_type", false, 128);
        return new GpuMetadataEvent.ImageInfo(id, sha == null ? null : sha.toLowerCase(Locale.ROOT),
                toInt(width), toInt(height), contentType);
    }

    static GpuMetadataEvent.ModelInfo model(FieldReader top) {
        FieldReader r = section(top, "model", true, Set.of("name", "weights", "framework", "layer"));
        if (r == null) {
            return null;
        }
        return new GpuMetadataEvent.ModelInfo(r.string("name", true, 128), r.string("weights", false, 512),
                r.string("framework", false, 128), r.string("layer", false, 128));
    }

    static GpuMetadataEvent.GpuInfo gpu(FieldReader top, Set<String> backends) {
        FieldReader r = section(top, "gpu", true, Set.of("backend", "name", "count", "memory_total_mb",
                "cuda_version", "driver_version", "compute_capability", "utilization_pct", "memory_used_mb", "memory_free_mb",
                "driver_cuda_version"));
        if (r == null) {
            return null;
        }
        String backend = r.string("backend", true, 16);
        if (backend != null) {
            backend = backend.toLowerCase(Locale.ROOT);
            if (!backends.contains(backend)) {
                r.fail("backend", "enum", "must be one of cuda, cpu, tpu");
            }
        }
        return new GpuMetadataEvent.GpuInfo(backend, r.string("name", false, 256),
                toInt(r.integer("count", false, 0, 1024)), r.integer("memory_total_mb", false, 0, 1L << 40),
                r.string("cuda_version", false, 32), r.string("driver_version", false, 64),
                r.string("compute_capability", false, 16), toInt(r.integer("utilization_pct", false, 0, 100)),
                r.integer("memory_used_mb", false, 0, 1L << 40), r.integer("memory_free_mb", false, 0, 1L << 40),
                r.string("driver_cuda_version", false, 32));
    }

    static GpuMetadataEvent.Timings timings(FieldReader top) {
        FieldReader r = section(top, "timings_ms", false, Set.of("preprocess", "inference", "total"));
        if (r == null) {
            return null;
        }
        return new GpuMetadataEvent.Timings(r.nonNegativeNumber("preprocess"), r.nonNegativeNumber("inference"),
                r.nonNegativeNumber("total"));
    }

    private static Integer toInt(Long v) {
        return v == null ? null : v.intValue();
    }
}
