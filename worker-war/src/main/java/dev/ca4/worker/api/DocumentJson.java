package dev.ca4.worker.api;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.time.Instant;

/** Stored documents as plain JSON: dates as RFC 3339 strings rather than extended-JSON objects. */
final class DocumentJson {
    private static final JsonWriterSettings SETTINGS = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .dateTimeConverter((millis, w) -> w.writeString(Instant.ofEpochMilli(millis).toString()))
            .int64Converter((v, w) -> w.writeNumber(Long.toString(v)))
            .build();

    private DocumentJson() {
    }

    static String of(Document d) {
        return d.toJson(SETTINGS);
    }
}
