package dev.ca4.chaos;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counts of one scenario: what the clients were told against what the store holds.
 *
 * @param sent           distinct event_ids sent (each possibly several times)
 * @param accepted       ids answered 202 at least once: each must be stored exactly once
 * @param retriedAccepted accepted ids that needed more than one attempt (a 503 or lost answer first)
 * @param refused        ids answered only 503: must not be stored
 * @param unknown        ids whose answer was lost (connection error, timeout) and never 202: either way is right
 * @param stored         distinct ids of this scenario in the store
 * @param lost           accepted ids not stored
 * @param duplicates     extra copies: store documents (or archive objects) beyond one per id
 * @param refusedStored  ids answered only 503 that are stored anyway (the 503 lied)
 * @param unexpected     stored ids never sent by this scenario's clients
 * @param unknownStored  unknown ids that turned out stored (informational)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Tally(long sent, long accepted, long retriedAccepted, long refused, long unknown, long stored,
                    long lost, long duplicates, long refusedStored, long unexpected, long unknownStored,
                    List<String> lostSample) {

    /**
     * @param copies how many documents (or archive objects) each stored id has; ids of earlier scenarios must
     *               already be left out
     */
    public static Tally of(Ledger ledger, Map<String, Integer> copies) {
        long accepted = 0;
        long refused = 0;
        long unknown = 0;
        long lost = 0;
        long refusedStored = 0;
        long unknownStored = 0;
        List<String> lostSample = new ArrayList<>();
        for (String id : ledger.ids()) {
            boolean stored = copies.getOrDefault(id, 0) > 0;
            switch (ledger.outcome(id)) {
                case ACCEPTED -> {
                    accepted++;
                    if (!stored) {
                        lost++;
                        if (lostSample.size() < 10) {
                            lostSample.add(id);
                        }
                    }
                }
                case REFUSED -> {
                    refused++;
                    if (stored) {
                        refusedStored++;
                    }
                }
                case UNKNOWN -> {
                    unknown++;
                    if (stored) {
                        unknownStored++;
                    }
                }
                case REJECTED -> {
                    if (stored) {
                        refusedStored++;
                    }
                }
            }
        }
        long duplicates = 0;
        long unexpected = 0;
        long stored = 0;
        for (Map.Entry<String, Integer> e : copies.entrySet()) {
            if (e.getValue() <= 0) {
                continue;
            }
            stored++;
            duplicates += e.getValue() - 1;
            if (!ledger.sent(e.getKey())) {
                unexpected++;
            }
        }
        return new Tally(ledger.ids().size(), accepted, ledger.retriedThenAccepted(), refused, unknown, stored,
                lost, duplicates, refusedStored, unexpected, unknownStored, List.copyOf(lostSample));
    }

    /** No loss, no second copy, nothing stored that was refused or never sent. */
    public boolean exact() {
        return lost == 0 && duplicates == 0 && refusedStored == 0 && unexpected == 0;
    }
}
