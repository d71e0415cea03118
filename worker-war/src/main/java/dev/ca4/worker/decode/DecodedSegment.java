package dev.ca4.worker.decode;

import dev.ca4.worker.record.ConsumedRecord;
import dev.ca4.worker.record.PolledRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * A sealed segment's records, decoded: its dead letters, and its rows split into runs of one embedding dimension
 * each (one float32 matrix per archive object), in offset order. The split depends on the records alone, so the
 * same records always make the same runs and a redelivered range rebuilds the same objects
 * (docs/archive-segments.md). Decoding happens here, on a segment writer, rather than on the consumer thread.
 */
public record DecodedSegment(List<ConsumedRecord> deadLetters, List<List<ConsumedRecord>> runs) {

    public DecodedSegment {
        deadLetters = List.copyOf(deadLetters);
        runs = runs.stream().map(List::copyOf).toList();
    }

    public static DecodedSegment decode(RecordDecoder decoder, List<PolledRecord> records) {
        List<ConsumedRecord> deadLetters = new ArrayList<>();
        List<List<ConsumedRecord>> runs = new ArrayList<>();
        List<ConsumedRecord> run = new ArrayList<>();
        for (PolledRecord polled : records) {
            ConsumedRecord r = decoder.decode(polled);
            if (r.isDeadLetter()) {
                deadLetters.add(r);
                continue;
            }
            if (!run.isEmpty() && run.get(0).dim() != r.dim()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(r);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return new DecodedSegment(deadLetters, runs);
    }
}
