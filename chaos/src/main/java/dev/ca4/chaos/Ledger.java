package dev.ca4.chaos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every answer the load's clients got, per event_id. An id's outcome is decided by all its attempts: any 202
 * makes it accepted (a 503 or a lost connection before a successful retry of the same id does not count
 * against it); without a 202, a lost connection, a timeout or a 503 {@code publish-unconfirmed} leaves it unknown
 * (the processor or a broker may have published it before the answer was lost); only 503s
 * {@code kafka-unavailable} mean refused (never reached a broker: must not be stored).
 */
public final class Ledger {

    /** One answer to one attempt: {@code UNCONFIRMED} is the processor saying it does not know. */
    public enum Answer { ACCEPTED, REFUSED, UNCONFIRMED, CONNECTION_ERROR, REJECTED }

    /** What an id's attempts add up to. */
    public enum Outcome { ACCEPTED, UNKNOWN, REFUSED, REJECTED }

    private static final class Attempts {
        int total;
        boolean accepted;
        boolean lostAnswer;
        boolean refused;
    }

    private final Map<String, Attempts> ids = new ConcurrentHashMap<>();

    /** Called from the clients' threads; read the outcomes once they have stopped. */
    public void record(String eventId, Answer answer) {
        ids.compute(eventId, (id, a) -> {
            Attempts x = a == null ? new Attempts() : a;
            x.total++;
            switch (answer) {
                case ACCEPTED -> x.accepted = true;
                case REFUSED -> x.refused = true;
                case UNCONFIRMED, CONNECTION_ERROR -> x.lostAnswer = true;
                case REJECTED -> { }
            }
            return x;
        });
    }

    public Outcome outcome(String eventId) {
        Attempts a = ids.get(eventId);
        if (a == null) {
            throw new IllegalArgumentException("never sent: " + eventId);
        }
        if (a.accepted) {
            return Outcome.ACCEPTED;
        }
        if (a.lostAnswer) {
            return Outcome.UNKNOWN;
        }
        return a.refused ? Outcome.REFUSED : Outcome.REJECTED;
    }

    public boolean sent(String eventId) {
        return ids.containsKey(eventId);
    }

    public Set<String> ids() {
        return ids.keySet();
    }

    public long count(Outcome o) {
        return ids.keySet().stream().filter(id -> outcome(id) == o).count();
    }

    /** Ids with more than one attempt (retried with the same event_id). */
    public long retried() {
        return ids.values().stream().filter(a -> a.total > 1).count();
    }

    /** Ids with more than one attempt that ended accepted. */
    public long retriedThenAccepted() {
        return ids.values().stream().filter(a -> a.total > 1 && a.accepted).count();
    }

    public long attempts() {
        return ids.values().stream().mapToLong(a -> a.total).sum();
    }
}
