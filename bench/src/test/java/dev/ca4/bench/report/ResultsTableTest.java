package dev.ca4.bench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsTableTest {

    @Test
    void numbersKeepAboutThreeSignificantFigures() {
        assertEquals("1234", ResultsTable.number(1234.4));
        assertEquals("12.3", ResultsTable.number(12.34));
        assertEquals("1.23", ResultsTable.number(1.234));
        assertEquals("0", ResultsTable.number(0));
    }

    @Test
    void rowShowsMedianRangeAndRunsAndNotesFollow() {
        ObjectNode details = EventJson.MAPPER.createObjectNode();
        Section s = new Section("ingest", List.of(new Figure("ingest", "b64 c=8", "accepted", "events/s",
                List.of(900.0, 1000.0, 950.0))), details, List.of("worker stopped"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsTable.print(List.of(s), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("950"), text);
        assertTrue(text.contains("900–1000"), text);
        assertTrue(text.contains("note (ingest): worker stopped"), text);
    }
}
