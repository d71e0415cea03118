package dev.ca4.search.bench;

import picocli.CommandLine.Option;

import java.util.List;

/**
 * The corpus and the measurement every index comparison shares (a picocli mixin): the synthetic vectors, the recall
 * queries and the latency runs, so that jvector and Lucene are measured on the same terms.
 */
final class CorpusOptions {
    @Option(names = "--vectors", defaultValue = "100000", description = "Vectors indexed (default: ${DEFAULT-VALUE}).")
    int count;
    @Option(names = "--dim", defaultValue = "2048", description = "Dimensions (default: ${DEFAULT-VALUE}).")
    int dimension;
    @Option(names = "--clusters", defaultValue = "1000", description = "Clusters of the synthetic vectors (default: ${DEFAULT-VALUE}).")
    int clusters;
    @Option(names = "--queries", defaultValue = "200", description = "Queries for recall (default: ${DEFAULT-VALUE}).")
    int queries;
    @Option(names = "-k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--clients", defaultValue = "8", description = "Concurrent query clients (default: ${DEFAULT-VALUE}).")
    int clients;
    @Option(names = "--latency-queries", defaultValue = "4000", description = "Queries timed per latency run (default: ${DEFAULT-VALUE}).")
    int latencyQueries;
    @Option(names = "--query-gates", defaultValue = "-1,0,-1,0", split = ",", description = "Latency runs, one per value: "
            + "searches at once, the others queued as in the service (ca4.search.max-concurrent-queries); 0 = one per "
            + "core, -1 = no gate; alternated so neither gets all the warm-up. The last is the headline (default: ${DEFAULT-VALUE}).")
    List<Integer> queryGates;
}
