package dev.ca4.chaos;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * One scenario's figures and verdict.
 *
 * @param recoverySeconds from the restart of the faulty part until both servers were ready and every event
 *                        accepted before the restart was stored (NaN: not within the bound)
 * @param drainSeconds    from the end of the load until lag 0 and every accepted event stored (NaN: not within)
 * @param archive         copies of each event among the archive's segment rows (null: archiving off)
 * @param archiveMisplaced documents whose archive.segment/row does not hold their event
 * @param redelivered     the worker's ca4_worker_events_duplicates_total at the end (records it found already
 *                        stored, since its last start): redelivery that was absorbed, not a duplicate
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScenarioResult(String scenario, String fault, double loadSeconds, double ratePerSecond,
                             long requests, Tally store, Tally archive, int archiveMisplaced,
                             int dlqPlanted, int dlqRecords, int dlqDistinct, double recoverySeconds,
                             double drainSeconds, double recoveryBoundSeconds, double redelivered,
                             List<String> problems) {

    public boolean ok() {
        return problems.isEmpty();
    }
}
