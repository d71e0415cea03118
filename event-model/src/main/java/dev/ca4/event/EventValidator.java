package dev.ca4.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a JSON tree against event schema version 1 (docs/design.md) and, when every rule holds, builds the
 * normalized {@link GpuMetadataEvent}: timestamps in UTC, event_id lower-case, GPU backend lower-case, the
 * embedding as float32 whatever form it came in. {@code event_id} is required: the processor gives an event
 * without one its id first ({@link EventIds}).
 */
public final class EventValidator {

    public static final int MAX_DIM = 8192;
    public static final int MAX_TAGS = 32;
    static final Set<String> BACKENDS = Set.of("cuda", "cpu", "tpu");
    private static final Set<String> TOP_FIELDS = Set.of("schema_version", "event_id", "produced_at", "received_at",
            "source", "image", "model", "embedding", "gpu", "timings_ms", "tags");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The outcome: either the normalized event or the list of broken rules (never both). */
    public record Result(GpuMetadataEvent event, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public Result validate(JsonNode root) {
        List<Violation> violations = new ArrayList<>();
        if (root == null || !root.isObject()) {
            violations.add(Violation.of("$", "type:object", "an event must be a JSON object"));
            return new Result(null, violations);
        }
        FieldReader top = new FieldReader(root, "", violations);
        top.rejectUnknown(TOP_FIELDS);

        String version = schemaVersion(root, top);
        String eventId = eventId(top);
        Instant producedAt = timestamp(top, "produced_at", true);
        Instant receivedAt = timestamp(top, "received_at", false);
        GpuMetadataEvent.Source source = SectionReaders.source(top);
        GpuMetadataEvent.ImageInfo image = SectionReaders.image(top, SHA256);
        GpuMetadataEvent.ModelInfo model = SectionReaders.model(top);
        Embedding embedding = EmbeddingReader.read(top);
        GpuMetadataEvent.GpuInfo gpu = SectionReaders.gpu(top, BACKENDS);
        GpuMetadataEvent.Timings timings = SectionReaders.timings(top);
        Map<String, String> tags = tags(top);

        if (!violations.isEmpty()) {
            return new Result(null, List.copyOf(violations));
        }
        return new Result(new GpuMetadataEvent(version, eventId, producedAt, receivedAt, source, image, model,
                embedding, gpu, timings, tags), List.of());
    }

    private static String schemaVersion(JsonNode root, FieldReader top) {
        JsonNode v = root.get("schema_version");
        if (v == null || v.isNull()) {
            return GpuMetadataEvent.SCHEMA_VERSION;
        }
        // Accept the number 1 as well as "1": both mean version 1.
        String text = v.isTextual() ? v.textValue() : v.isIntegralNumber() ? v.asText() : null;
        if (!GpuMetadataEvent.SCHEMA_VERSION.equals(text)) {
            top.fail("schema_version", "enum", "must be \"1\" (the only supported schema version)");
        }
        return GpuMetadataEvent.SCHEMA_VERSION;
    }

    private static String eventId(FieldReader top) {
        String id = top.string("event_id", true, 36);
        if (id == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(id).matches()) {
            top.fail("event_id", "format:uuid", "must be a UUID like 123e4567-e89b-12d3-a456-426614174000");
            return null;
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static Instant timestamp(FieldReader r, String field, boolean required) {
        String text = r.string(field, required, 64);
        if (text == null) {
            return null;
        }
        try {
            // RFC 3339 requires an offset; OffsetDateTime refuses local times without one.
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            r.fail(field, "format:rfc3339", "must be an RFC 3339 timestamp with offset, e.g. 2026-01-31T12:00:00Z");
            return null;
        }
    }

    private static Map<String, String> tags(FieldReader top) {
        JsonNode tags = top.object("tags", false);
        if (tags == null) {
            return null;
        }
        if (tags.size() > MAX_TAGS) {
            top.fail("tags", "max-entries", "must have at most " + MAX_TAGS + " entries");
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        tags.fieldNames().forEachRemaining(name -> {
            if (name.isBlank() || name.length() > 128) {
                top.fail("tags." + name, "key-length", "tag keys must be 1 to 128 characters");
            } else if (!tags.get(name).isTextual()) {
                top.fail("tags." + name, "type:string", "tag values must be strings");
            } else if (tags.get(name).textValue().length() > 1024) {
                top.fail("tags." + name, "max-length", "tag values must be at most 1024 characters");
            } else {
                out.put(name, tags.get(name).textValue());
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
