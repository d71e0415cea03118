package dev.ca4.chaos;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.ca4.chaos.Ledger.Answer.ACCEPTED;
import static dev.ca4.chaos.Ledger.Answer.CONNECTION_ERROR;
import static dev.ca4.chaos.Ledger.Answer.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyTest {

    @Test
    void everyAcceptedIdStoredOnceIsExact() {
        Ledger l = new Ledger();
        l.record("a", ACCEPTED);
        l.record("b", ACCEPTED);
        Tally t = Tally.of(l, Map.of("a", 1, "b", 1));
        assertEquals(2, t.accepted());
        assertEquals(2, t.stored());
        assertEquals(0, t.lost());
        assertTrue(t.exact());
    }

    @Test
    void acceptedButNotStoredIsLost() {
        Ledger l = new Ledger();
        l.record("a", ACCEPTED);
        l.record("b", ACCEPTED);
        Tally t = Tally.of(l, Map.of("a", 1));
        assertEquals(1, t.lost());
        assertEquals(java.util.List.of("b"), t.lostSample());
        assertFalse(t.exact());
    }

    @Test
    void aSecondCopyIsADuplicate() {
        Ledger l = new Ledger();
        l.record("a", ACCEPTED);
        Tally t = Tally.of(l, Map.of("a", 2));
        assertEquals(1, t.duplicates());
        assertFalse(t.exact());
    }

    @Test
    void refusedThenRetriedAndAcceptedCountsAsAcceptedOnce() {
        Ledger l = new Ledger();
        l.record("a", REFUSED);
        l.record("a", CONNECTION_ERROR);
        l.record("a", ACCEPTED);
        Tally t = Tally.of(l, Map.of("a", 1));
        assertEquals(1, t.sent());
        assertEquals(1, t.accepted());
        assertEquals(1, t.retriedAccepted());
        assertEquals(0, t.refused());
        assertTrue(t.exact());
    }

    @Test
    void anUnconfirmedAnswerMakesNoPromise() {
        Ledger l = new Ledger();
        l.record("a", REFUSED);
        l.record("a", Ledger.Answer.UNCONFIRMED);
        assertEquals(Ledger.Outcome.UNKNOWN, l.outcome("a"));
        assertTrue(Tally.of(l, Map.of("a", 1)).exact());
        assertTrue(Tally.of(l, Map.of()).exact());
    }

    @Test
    void refusedOnlyMustNotBeStored() {
        Ledger l = new Ledger();
        l.record("a", REFUSED);
        l.record("b", REFUSED);
        l.record("b", REFUSED);
        assertTrue(Tally.of(l, Map.of()).exact());
        Tally t = Tally.of(l, Map.of("b", 1));
        assertEquals(2, t.refused());
        assertEquals(1, t.refusedStored());
        assertFalse(t.exact());
    }

    @Test
    void aLostAnswerMayGoEitherWay() {
        Ledger l = new Ledger();
        l.record("a", CONNECTION_ERROR);
        l.record("b", REFUSED);
        l.record("b", CONNECTION_ERROR);
        assertTrue(Tally.of(l, Map.of()).exact());
        Tally t = Tally.of(l, Map.of("a", 1, "b", 1));
        assertEquals(2, t.unknown());
        assertEquals(2, t.unknownStored());
        assertTrue(t.exact());
    }

    @Test
    void storedButNeverSentIsUnexpected() {
        Ledger l = new Ledger();
        l.record("a", ACCEPTED);
        Map<String, Integer> copies = new HashMap<>(Map.of("a", 1, "zzz", 1));
        Tally t = Tally.of(l, copies);
        assertEquals(1, t.unexpected());
        assertEquals(2, t.stored());
        assertFalse(t.exact());
    }

    @Test
    void anOutcomeOfAnIdNeverSentIsAnError() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Ledger().outcome("x"));
    }
}
