package dev.ca4.bench.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.bench.report.Figure;
import dev.ca4.event.EventJson;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One open-loop run: what was sent and answered, the latencies (milliseconds) until a sample of the events was
 * readable (stored: the target's figure) and until every event's commit started (the document's stored_at, stamped
 * before the archive PUT and the bulk write, so it leaves those out) with that span's two stages, the accepted events not yet stored when the last answer came ({@code backlogAtEnd}) and
 * those never stored in time ({@code backlog}).
 */
record E2eRun(SendResult sent, Histogram storedMs, Stages stages, Histogram readableMs, int backlog,
              long backlogAtEnd) {

    /**
     * Where a stored event's time went, split at the processor's received_at stamp: {@code ingestMs} the client's
     * wait, the network and the processor's HTTP queue; {@code pipelineMs} validation, Kafka and the worker.
     */
    record Stages(Histogram ingestMs, Histogram pipelineMs) {
    }

    int accepted() {
        return sent.accepted().size();
    }

    double offeredPerSecond() {
        return sent.sent() / sent.elapsedSeconds();
    }

    static List<Figure> figures(String scenario, String c, List<E2eRun> runs) {
        return List.of(
                fig(scenario, c, "readable p50", "ms", runs, r -> readable(r, 50)),
                fig(scenario, c, "readable p99", "ms", runs, r -> readable(r, 99)),
                fig(scenario, c, "readable max", "ms", runs, r -> readable(r, 100)),
                fig(scenario, c, "commit start p50", "ms", runs, r -> stored(r, 50)),
                fig(scenario, c, "commit start p99", "ms", runs, r -> stored(r, 99)),
                fig(scenario, c, "ingest p99", "ms", runs, r -> percentile(r.stages.ingestMs, 99)),
                fig(scenario, c, "response p99", "ms", runs,
                        r -> r.sent.responseMicros().getValueAtPercentile(99) / 1000.0),
                fig(scenario, c, "sent", "events/s", runs, E2eRun::offeredPerSecond),
                fig(scenario, c, "non-202", "requests", runs, r -> r.sent.non202()),
                fig(scenario, c, "backlog at end", "events", runs, r -> r.backlogAtEnd),
                fig(scenario, c, "not stored", "events", runs, r -> r.backlog));
    }

    /** NaN (shown n/a) when nothing was accepted: every request failed, there is no latency to show. */
    private static double stored(E2eRun r, double percentile) {
        return r.storedMs.getTotalCount() == 0 ? Double.NaN : r.storedMs.getValueAtPercentile(percentile);
    }

    /** NaN (shown n/a) for an empty histogram, which would say 0. */
    private static double percentile(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile);
    }

    /** NaN (shown n/a) when no probed event became readable in time: an empty histogram says 0. */
    private static double readable(E2eRun r, double percentile) {
        return r.readableMs.getTotalCount() == 0 ? Double.NaN : r.readableMs.getValueAtPercentile(percentile);
    }

    private static Figure fig(String s, String c, String metric, String unit, List<E2eRun> runs,
                              ToDoubleFunction<E2eRun> value) {
        return new Figure(s, c, metric, unit, runs.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    ObjectNode toJson(int rate) {
        ObjectNode j = EventJson.MAPPER.createObjectNode();
        j.put("rate", rate);
        j.put("sent", sent.sent());
        j.put("accepted", accepted());
        j.put("non_202", sent.non202());
        j.put("not_stored", backlog);
        j.put("backlog_at_end_of_send", backlogAtEnd);
        j.put("send_seconds", sent.elapsedSeconds());
        j.put("max_send_lag_ms", sent.maxSendLagMicros() / 1000.0);
        j.put("stored_p50_ms", storedMs.getValueAtPercentile(50));
        j.put("stored_p99_ms", storedMs.getValueAtPercentile(99));
        j.put("stored_max_ms", storedMs.getMaxValue());
        j.put("ingest_p50_ms", stages.ingestMs.getValueAtPercentile(50));
        j.put("ingest_p99_ms", stages.ingestMs.getValueAtPercentile(99));
        j.put("pipeline_p50_ms", stages.pipelineMs.getValueAtPercentile(50));
        j.put("pipeline_p99_ms", stages.pipelineMs.getValueAtPercentile(99));
        j.put("readable_samples", readableMs.getTotalCount());
        j.put("readable_p50_ms", readableMs.getValueAtPercentile(50));
        j.put("readable_p99_ms", readableMs.getValueAtPercentile(99));
        j.put("response_p50_ms", sent.responseMicros().getValueAtPercentile(50) / 1000.0);
        j.put("response_p99_ms", sent.responseMicros().getValueAtPercentile(99) / 1000.0);
        return j;
    }
}
