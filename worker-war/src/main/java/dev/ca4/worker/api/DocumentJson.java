package dev.ca4.worker.api;

import dev.ca4.worker.transform.EmbeddingFormat;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.time.Instant;

/**
 * Stored documents as plain JSON: dates as RFC 3339 strings rather than extended-JSON objects, and the embedding
 * as an array of numbers whichever form it is stored in (binary vector or array).
 */
final class DocumentJson {
    private static final JsonWriterSettings SETTINGS = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .dateTimeConverter((millis, w) -> w.writeString(Instant.ofEpochMilli(millis).toString()))
            .int64Converter((v, w) -> w.writeNumber(Long.toString(v)))
            .build();

    private DocumentJson() {
    }

    static String of(Document d) {
        if (d.get("embedding") instanceof Document e && e.containsKey("values")) {
            e.put("values", EmbeddingFormat.asNumbers(e.get("values")));
        }
        return d.toJson(SETTINGS);
    }
}
