package it.dev.ca4.pipeline;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stopping the store while events flow loses nothing and duplicates nothing once it returns. */
class StoreOutageIT {

    @AfterAll
    static void storeIsBack() {
        Pipeline.STACK.start("mongo");
    }

    @Test
    void storeDownWhileEventsFlowThenEveryEventStoredExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>(Pipeline.sendSamples(30));
        Pipeline.STACK.stop("mongo");
        ids.addAll(Pipeline.sendSamples(30)); // the API does not depend on the store: still accepted
        Pipeline.awaitWorkerReadiness(503, Duration.ofSeconds(30));
        Pipeline.STACK.start("mongo");
        ids.addAll(Pipeline.sendSamples(10));
        Pipeline.awaitWorkerReadiness(200, Duration.ofSeconds(60));
        Pipeline.await("all " + ids.size() + " events stored", Duration.ofSeconds(90),
                () -> Pipeline.allStored(ids));
        Map<String, Long> copies = Pipeline.copies(ids);
        for (String id : ids) {
            assertEquals(1L, copies.get(id), "copies of " + id);
        }
    }
}
