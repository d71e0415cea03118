package dev.ca4.restore;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestoreCommandTest {

    private record Run(int exit, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RestoreCommand(new RestoreConfig(env, new Properties())));
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void aPrefixOutsideTheSegmentsIsRefusedBeforeAnythingIsRead() {
        Run r = run(Map.of(), "--prefix", "raw/2026/");
        assertEquals(RestoreCommand.INVALID, r.exit());
        assertTrue(r.err().contains("--prefix must start with segments/"), r.err());
    }

    @Test
    void anUnknownEmbeddingFormatIsRefusedNamingTheSetting() {
        Run r = run(Map.of("CA4_STORE_EMBEDDING_FORMAT", "bson"));
        assertEquals(RestoreCommand.INVALID, r.exit());
        assertTrue(r.err().contains("ca4.store.embedding-format"), r.err());
    }

    @Test
    void anUnreachableArchiveFailsWithItsReasonAndSaysTheRestoreCanBeRerun() {
        Run r = run(Map.of("CA4_S3_ENDPOINT", "http://127.0.0.1:1", "CA4_S3_ACCESS_KEY", "k", "CA4_S3_SECRET_KEY", "s",
                "CA4_MONGO_URI", "mongodb://127.0.0.1:1", "CA4_MONGO_TIMEOUT_MS", "500"), "--no-progress");
        assertEquals(RestoreCommand.FAILED, r.exit());
        assertTrue(r.err().contains("can be rerun"), r.err());
    }
}
