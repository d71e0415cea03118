package dev.ca4.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AwaitStoredTest {
    @TempDir
    Path dir;

    @Test
    void waitsOnlyForTheAcceptedEventsOfAReceiptsFile() throws Exception {
        Path receipts = Files.writeString(dir.resolve("r.jsonl"), """
                {"image":"a.png","event_id":"11111111-1111-1111-1111-111111111111","outcome":"accepted","status":202}
                {"image":"b.png","outcome":"failed","detail":"not an image"}
                {"image":"c.png","event_id":"22222222-2222-2222-2222-222222222222","outcome":"rejected","status":400}

                {"image":"d.png","event_id":"33333333-3333-3333-3333-333333333333","outcome":"accepted","status":202}
                """);
        assertEquals(List.of("11111111-1111-1111-1111-111111111111", "33333333-3333-3333-3333-333333333333"),
                AwaitStored.acceptedIds(receipts));
    }

    @Test
    void unreadableReceiptsAreBadInputNotACrash() throws Exception {
        Path notJson = Files.writeString(dir.resolve("bad.jsonl"), "this is not json\n");
        assertEquals(AwaitStored.BAD_INPUT, new CommandLine(new AwaitStored()).execute("-r", notJson.toString()));
        assertEquals(AwaitStored.BAD_INPUT,
                new CommandLine(new AwaitStored()).execute("-r", dir.resolve("missing.jsonl").toString()));
        assertEquals(2, AwaitStored.BAD_INPUT, "the code --help documents");
    }
}
