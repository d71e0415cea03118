package dev.ca4.chaos;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoisonProblemsTest {
    private static final List<Poison.Planted> PLANTED = List.of(new Poison.Planted("p-a", 0, 10),
            new Poison.Planted("p-b", 2, 11));

    @Test
    void exactlyThePlantedRecordsIsRight() {
        assertTrue(Poison.problems(PLANTED, new Poison.DeadLetters(2, Map.of("0@10", 1, "2@11", 1),
                List.of("p-a", "p-b"))).isEmpty());
    }

    @Test
    void aRedeliveredDeadLetterIsStillOnlyThePlantedRecords() {
        assertTrue(Poison.problems(PLANTED, new Poison.DeadLetters(3, Map.of("0@10", 2, "2@11", 1),
                List.of("p-a", "p-a", "p-b"))).isEmpty());
    }

    @Test
    void aMissingPoisonRecordIsAProblem() {
        List<String> p = Poison.problems(PLANTED, new Poison.DeadLetters(1, Map.of("0@10", 1), List.of("p-a")));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("p-b"));
    }

    @Test
    void aDeadLetteredEventThatWasNotPlantedIsAProblem() {
        List<String> p = Poison.problems(PLANTED, new Poison.DeadLetters(3, Map.of("0@10", 1, "2@11", 1, "1@5", 1),
                List.of("p-a", "p-b", "some-event-id")));
        assertEquals(2, p.size());
    }
}
