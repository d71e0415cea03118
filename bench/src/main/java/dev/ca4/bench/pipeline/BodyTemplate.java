package dev.ca4.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A serialized event split around its event_id and produced_at values. */
public record BodyTemplate(String head, String middle, String tail, boolean idFirst) {
    static final String ID = "@@EVENT_ID@@";
    static final String AT = "@@PRODUCED_AT@@";

    static BodyTemplate of(String json) {
        int id = json.indexOf(ID);
        int at = json.indexOf(AT);
        if (id < 0 || at < 0) {
            throw new IllegalArgumentException("template lacks a placeholder");
        }
        int first = Math.min(id, at);
        int second = Math.max(id, at);
        int firstLen = first == id ? ID.length() : AT.length();
        int secondLen = second == id ? ID.length() : AT.length();
        return new BodyTemplate(json.substring(0, first), json.substring(first + firstLen, second),
                json.substring(second + secondLen), id < at);
    }

    public byte[] body(String eventId, Instant producedAt) {
        String at = producedAt.toString();
        String a = idFirst ? eventId : at;
        String b = idFirst ? at : eventId;
        return (head + a + middle + b + tail).getBytes(StandardCharsets.UTF_8);
    }
}
