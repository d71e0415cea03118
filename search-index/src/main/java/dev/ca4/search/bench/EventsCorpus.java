package dev.ca4.search.bench;

import dev.ca4.event.EventJson;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.event.Violation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The embeddings of a file of events, one JSON event per line (the producer's {@code --dry-run --output}), read and
 * checked by the schema's own validator, as the search service's feed reads them. Split into the vectors indexed
 * and held-out queries by a seeded shuffle.
 *
 * @param indexed the vectors to index
 * @param queries the held-out vectors, never indexed
 * @param model   {@code model.name} and {@code model.weights} of the events (one model in a file)
 */
record EventsCorpus(List<float[]> indexed, List<float[]> queries, String model) {

    int dimension() {
        return indexed.get(0).length;
    }

    /**
     * @throws IllegalArgumentException naming the line, for an invalid event, a second model or dimension, or a file
     *                                  with no more than {@code queries} events
     */
    static EventsCorpus read(Path file, int queries, long seed) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        String model = null;
        EventValidator validator = new EventValidator();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                EventValidator.Result result;
                try {
                    result = validator.validate(EventJson.parse(line.getBytes(StandardCharsets.UTF_8)));
                } catch (EventJson.MalformedJsonException e) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": not JSON: " + e.getMessage());
                }
                if (!result.valid()) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": not a valid event: "
                            + result.violations().stream().map(Violation::message).collect(Collectors.joining("; ")));
                }
                GpuMetadataEvent event = result.event();
                String thisModel = event.model().name() + " (weights " + event.model().weights() + ")";
                float[] values = event.embedding().values();
                if (model == null) {
                    model = thisModel;
                } else if (!model.equals(thisModel)) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": model " + thisModel
                            + ", the lines before " + model + ": one model's embeddings per file");
                } else if (values.length != vectors.get(0).length) {
                    throw new IllegalArgumentException(file + " line " + lineNo + ": " + values.length
                            + " dimensions, the lines before " + vectors.get(0).length);
                }
                vectors.add(values);
            }
        }
        if (vectors.size() <= queries) {
            throw new IllegalArgumentException(file + " has " + vectors.size() + " events: more than the " + queries
                    + " held-out queries are needed");
        }
        Collections.shuffle(vectors, new Random(seed));
        int split = vectors.size() - queries;
        return new EventsCorpus(List.copyOf(vectors.subList(0, split)),
                List.copyOf(vectors.subList(split, vectors.size())), model);
    }
}
