package dev.ca4.bench.bytes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.BenchContext;
import dev.ca4.bench.Scenario;
import dev.ca4.bench.pipeline.Events;
import dev.ca4.bench.pipeline.TopicFiller;
import dev.ca4.bench.report.Figure;
import dev.ca4.bench.report.Section;
import dev.ca4.event.EventJson;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Part 4: the size of one event on {@code gpu-metadata} against the raw float32 size of its embedding: the record
 * value as the processor publishes it, and the bytes it takes on the broker's log (batched, compressed as the
 * processor's producer does), from the log growth over {@link #RECORDS} records. Runs with the worker stopped;
 * the records are skipped afterwards.
 */
public final class BytesScenario implements Scenario {
    static final int RECORDS = 1000;

    private final TopicFiller filler;

    public BytesScenario(TopicFiller filler) {
        this.filler = filler;
    }

    @Override
    public String name() {
        return "bytes";
    }

    @Override
    public Section run(BenchContext ctx) throws Exception {
        Events events = ctx.events();
        int raw = events.dim() * Float.BYTES;
        byte[] value = filler.oneValue();
        int key = 36; // a UUID string, UTF-8
        ctx.worker().stop();
        long before = ctx.kafka().logBytes();
        filler.fill(RECORDS);
        double onLog = (ctx.kafka().logBytes() - before) / (double) RECORDS;
        ctx.kafka().skipGroupToEnd();

        String c = "dim " + events.dim();
        String s = name();
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        details.put("raw_float32_bytes", raw);
        details.put("record_key_bytes", key);
        details.put("record_value_bytes", value.length);
        details.put("log_bytes_per_record", onLog);
        details.put("request_body_bytes_values", events.clientBody(Events.Form.VALUES).length);
        details.put("request_body_bytes_b64", events.clientBody(Events.Form.B64).length);
        details.put("records_measured", RECORDS);
        details.put("sample_value_without_embedding", new String(value, StandardCharsets.UTF_8)
                .replaceAll("\"values_b64\":\"[^\"]*\"", "\"values_b64\":\"…\""));
        return new Section(s, List.of(
                Figure.single(s, c, "raw float32", "bytes", raw),
                Figure.single(s, c, "record value", "bytes", value.length),
                Figure.single(s, c, "value / raw", "ratio", value.length / (double) raw),
                Figure.single(s, c, "on the log", "bytes/rec", onLog),
                Figure.single(s, c, "log / raw", "ratio", onLog / raw),
                Figure.single(s, c, "POST body values", "bytes", details.get("request_body_bytes_values").asInt()),
                Figure.single(s, c, "POST body b64", "bytes", details.get("request_body_bytes_b64").asInt())),
                details, List.of("on the log = growth of the topic's log over " + RECORDS
                + " records sent with the processor's producer settings (batch headers and compression included)"));
    }
}
