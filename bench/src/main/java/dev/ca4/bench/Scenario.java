package dev.ca4.bench;

import dev.ca4.bench.report.Section;

/**
 * One part of the bench. Each is independent of the others' results and leaves the pipeline running (the
 * worker may be stopped or restarted with other settings). A new part (e.g. the producer's embeddings/s) is one
 * more implementation listed in {@link BenchCommand#SCENARIOS}.
 */
public interface Scenario {

    /** The name used by {@code --scenarios} and as the JSON section. */
    String name();

    Section run(BenchContext ctx) throws Exception;
}
