package dev.ca4.search.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.search.index.Cosine;
import dev.ca4.search.index.ExactSearch;
import dev.ca4.search.index.Hit;
import dev.ca4.search.index.SyntheticVectors;
import dev.ca4.search.index.VectorFile;
import org.HdrHistogram.Histogram;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * make bench-search-lucene: the alternative to jvector measured the same way (docs/similarity-search.md, "Why
 * jvector"): Lucene's HNSW over scalar-quantized vectors, on the same synthetic vectors, recall@k against the same
 * exact search, the same query-latency harness. Lucene caps vectors at 1,024 dimensions through its codec; the
 * format here raises the cap for the field, as the issue describes. Writes bench/results/search-lucene-*.json.
 */
@Command(name = "lucene-bench", mixinStandardHelpOptions = true,
        description = "Build Lucene's HNSW index over the bench's synthetic embeddings; measure recall@k, query latency and size.")
public final class LuceneBench implements Callable<Integer> {
    private static final String FIELD = "embedding";

    @Mixin
    CorpusOptions corpus;
    @Mixin
    BenchFiles files;
    @Option(names = "--candidates", defaultValue = "64", description = "Neighbours the graph search collects before the best k "
            + "are kept, as jvector's rerank; Lucene's KnnFloatVectorQuery searches with a beam of this size (default: ${DEFAULT-VALUE}).")
    int candidates;
    @Option(names = "--max-conn", defaultValue = "32", description = "HNSW neighbours per node, as jvector's max degree (default: ${DEFAULT-VALUE}).")
    int maxConn;
    @Option(names = "--beam-width", defaultValue = "100", description = "HNSW beam width while building (default: ${DEFAULT-VALUE}).")
    int beamWidth;
    @Option(names = "--bits", defaultValue = "4", description = "Scalar quantization bits, 4 (1 KB per 2,048-d vector) or 7 (2 KB) (default: ${DEFAULT-VALUE}).")
    int bits;

    @Override
    public Integer call() throws Exception {
        Path vectorsPath = files.workDir.resolve("lucene-vectors.f32");
        Path indexDir = files.workDir.resolve("lucene-index");
        deleteTree(indexDir);
        Files.createDirectories(indexDir);
        Files.deleteIfExists(vectorsPath);
        SyntheticVectors data = new SyntheticVectors(corpus.dimension, corpus.clusters, 42);
        ObjectNode out = new ObjectMapper().createObjectNode();
        try (VectorFile vectors = new VectorFile(vectorsPath, corpus.dimension); Directory dir = FSDirectory.open(indexDir)) {
            IndexWriterConfig config = new IndexWriterConfig().setCodec(new Lucene912Codec() {
                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return new HighDimensions(new Lucene99HnswScalarQuantizedVectorsFormat(maxConn, beamWidth,
                                    1, bits, bits == 4, null, null));
                        }
                    }).setMergePolicy(NoMergePolicy.INSTANCE) // one segment, one graph: as jvector's
                    .setRAMBufferSizeMB(1900).setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                    .setUseCompoundFile(false); // the graph and vector files measured one by one
            long t0 = System.nanoTime();
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < corpus.count; i++) {
                    float[] v = data.vector(i);
                    vectors.append(v); // the exact search's copy (unit vectors)
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(FIELD, Cosine.normalized(v), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(doc);
                }
                writer.commit();
            }
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            long quantized = sizeOf(indexDir, ".veq");
            long graph = sizeOf(indexDir, ".vex");
            long raw = sizeOf(indexDir, ".vec");
            System.out.printf("built in %.1f s (one indexing thread, as Lucene indexes a segment): graph %d B, "
                    + "quantized vectors %d B, raw vectors %d B per vector%n", buildSeconds, graph / corpus.count,
                    quantized / corpus.count, raw / corpus.count);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                if (reader.leaves().size() != 1 || reader.maxDoc() != corpus.count) {
                    throw new IllegalStateException(reader.leaves().size() + " segments, " + reader.maxDoc() + " docs");
                }
                IndexSearcher searcher = new IndexSearcher(reader);
                double recallSum = 0;
                for (int q = 0; q < corpus.queries; q++) {
                    float[] query = data.vector(corpus.count + q);
                    recallSum += ExactSearch.recall(ExactSearch.search(vectors, query, corpus.k), search(searcher, query));
                }
                double recall = recallSum / corpus.queries;
                System.out.printf("recall@%d over %d queries: %.4f%n", corpus.k, corpus.queries, recall);
                ArrayNode runs = new ObjectMapper().createArrayNode();
                Histogram latency = new QueryLatency(query -> search(searcher, query), data::vector, 2L * corpus.count, corpus.k, corpus.clients,
                        corpus.latencyQueries).runs(corpus.queryGates, runs);
                out.put("library", "lucene " + org.apache.lucene.util.Version.LATEST).put("vectors", corpus.count)
                        .put("dim", corpus.dimension).put("clusters", corpus.clusters).put("k", corpus.k).put("max_conn", maxConn)
                        .put("beam_width", beamWidth).put("quantization_bits", bits).put("candidates", candidates)
                        .put("build_seconds", buildSeconds).put("index_threads", 1)
                        .put("graph_bytes_per_vector", graph / corpus.count)
                        .put("quantized_bytes_per_vector", quantized / corpus.count)
                        .put("raw_bytes_per_vector", raw / corpus.count)
                        .put("recall_at_k", recall).put("recall_queries", corpus.queries)
                        .put("clients", corpus.clients).put("latency_queries", corpus.latencyQueries)
                        .put("query_p50_ms", latency.getValueAtPercentile(50) / 1e3)
                        .put("query_p99_ms", latency.getValueAtPercentile(99) / 1e3)
                        .put("query_max_ms", latency.getMaxValue() / 1e3)
                        .put("cores", Runtime.getRuntime().availableProcessors())
                        .put("java", System.getProperty("java.version"));
                out.set("latency_runs", runs);
            }
        } finally {
            Files.deleteIfExists(vectorsPath);
            deleteTree(indexDir);
        }
        files.writeResults("search-lucene", out);
        return 0;
    }

    /** The k nearest by Lucene's graph; one segment, so a document id is the vector's ordinal. */
    private List<Hit> search(IndexSearcher searcher, float[] query) {
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, Cosine.normalized(query),
                    Math.max(corpus.k, candidates)), corpus.k);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc d : top.scoreDocs) {
                hits.add(new Hit(d.doc, Cosine.fromScore(d.score)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lucene's quantized HNSW format with the field's dimension cap raised from 1,024. The files are written under
     * the wrapped format's name, so a reader opens them with Lucene's own format (reading does not check the cap).
     */
    private static final class HighDimensions extends KnnVectorsFormat {
        private final KnnVectorsFormat format;

        HighDimensions(KnnVectorsFormat format) {
            super(format.getName());
            this.format = format;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return format.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return format.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return 4096;
        }
    }

    private static long sizeOf(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LuceneBench()).execute(args));
    }
}
