package dev.ca4.restore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.ca4.worker.archive.S3Clients;
import dev.ca4.worker.archive.SegmentStore;
import dev.ca4.worker.restore.ArchiveRestore;
import dev.ca4.worker.store.MongoStore;
import dev.ca4.worker.transform.EmbeddingFormat;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.bson.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** {@code make restore}: rebuilds the collection from the archive's segments (docs/restore.md). */
@Command(name = "ca4-restore", mixinStandardHelpOptions = true, version = "1.0",
        description = "Rebuild ca4.gpu_metadata (MongoDB or Amazon DocumentDB) from the worker's S3 archive segments, "
                + "insert-if-absent: safe to repeat, and documents already there are left as they are. Reads the "
                + "worker's settings (CA4_MONGO_URI, CA4_S3_BUCKET, ...) from system properties, the environment, "
                + "then the worker's defaults.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every segment restored", "1:the store or the archive failed (the restore can be rerun)",
                "2:invalid options or settings"})
public class RestoreCommand implements Callable<Integer> {
    static final int FAILED = 1;
    static final int INVALID = 2;

    @Option(names = {"-p", "--prefix"}, defaultValue = "segments/",
            description = "Restore only the segments under this key prefix, e.g. segments/2026/12/05/ "
                    + "(default: ${DEFAULT-VALUE}, everything).")
    String prefix;

    @Option(names = "--no-progress", description = "No progress bar (logs, CI).")
    boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final RestoreConfig config;

    public RestoreCommand() {
        this(RestoreConfig.fromEnvironment());
    }

    RestoreCommand(RestoreConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RestoreCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddingFormat format;
        String database;
        String collectionName;
        String bucket;
        try {
            format = EmbeddingFormat.parse(config.get("ca4.store.embedding-format"));
            database = config.get("ca4.mongo.database");
            collectionName = config.get("ca4.mongo.collection");
            bucket = config.get("ca4.s3.bucket");
            if (!prefix.startsWith("segments/")) {
                throw new IllegalArgumentException("--prefix must start with segments/, not '" + prefix + "'");
            }
        } catch (IllegalArgumentException e) {
            err.println("ca4-restore: " + e.getMessage());
            return INVALID;
        }
        try (MongoClient mongo = MongoClients.create(MongoStore.settings(config.get("ca4.mongo.uri"),
                config.get("ca4.mongo.tls-ca-file"), config.getInt("ca4.mongo.timeout-ms")));
             S3Client s3 = S3Clients.create(config.get("ca4.s3.region"), config.get("ca4.s3.endpoint"),
                     config.getBoolean("ca4.s3.path-style"), config.get("ca4.s3.access-key"),
                     config.get("ca4.s3.secret-key"))) {
            MongoCollection<Document> collection = mongo.getDatabase(database).getCollection(collectionName);
            err.println("restoring s3://" + bucket + "/" + prefix + " into " + database + "." + collectionName);
            BarProgress progress = new BarProgress(noProgress, err);
            ArchiveRestore.Result r;
            try {
                r = new ArchiveRestore(new SegmentStore(s3, bucket, "restore"), collection, format).run(prefix, progress);
            } finally {
                progress.close();
            }
            out.printf("restored %d segment(s), %d row(s): %d document(s) added, %d already present, %d refused by "
                    + "the store; %s.%s now holds %d document(s)%n", r.segments(), r.rows(), r.inserted(),
                    r.alreadyPresent(), r.refused(), database, collectionName, collection.estimatedDocumentCount());
            return r.refused() == 0 ? 0 : FAILED;
        } catch (RuntimeException e) {
            err.println("ca4-restore: failed, nothing acknowledged is lost and the restore can be rerun: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILED;
        }
    }

    /** A progress bar over segments (rows in its extra message), or one line every 100 segments without it. */
    private static final class BarProgress implements ArchiveRestore.Progress {
        private final boolean plain;
        private final PrintWriter err;
        private final AtomicReference<ProgressBar> bar = new AtomicReference<>();
        private long rows;
        private int done;

        BarProgress(boolean plain, PrintWriter err) {
            this.plain = plain;
            this.err = err;
        }

        @Override
        public void start(int segments) {
            err.println(segments + " segment(s) to restore");
            if (!plain && segments > 0) {
                bar.set(new ProgressBarBuilder().setTaskName("restore").setInitialMax(segments)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" segments", 1).build());
            }
        }

        @Override
        public void segmentDone(String key, int n) {
            rows += n;
            done++;
            ProgressBar b = bar.get();
            if (b != null) {
                b.step();
                b.setExtraMessage(rows + " rows");
            } else if (done % 100 == 0) {
                err.println(done + " segments, " + rows + " rows");
            }
        }

        void close() {
            ProgressBar b = bar.get();
            if (b != null) {
                b.close();
            }
        }
    }
}
