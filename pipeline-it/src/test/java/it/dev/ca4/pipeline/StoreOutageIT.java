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
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(Pipeline.sendSample());
        }
        Pipeline.STACK.stop("mongo");
        for (int i = 0; i < 30; i++) {
            ids.add(Pipeline.sendSample()); // the API does not depend on the store: still accepted
        }
        Pipeline.await("worker readiness DOWN", Duration.ofSeconds(30),
                () -> Pipeline.worker().get("/health/ready").statusCode() == 503);
        Pipeline.STACK.start("mongo");
        for (int i = 0; i < 10; i++) {
            ids.add(Pipeline.sendSample());
        }
        Pipeline.await("worker readiness UP", Duration.ofSeconds(60),
                () -> Pipeline.worker().get("/health/ready").statusCode() == 200);
        Pipeline.await("all " + ids.size() + " events stored", Duration.ofSeconds(90),
                () -> Pipeline.allStored(ids));
        Map<String, Long> copies = Pipeline.copies(ids);
        for (String id : ids) {
            assertEquals(1L, copies.get(id), "copies of " + id);
        }
    }
}
