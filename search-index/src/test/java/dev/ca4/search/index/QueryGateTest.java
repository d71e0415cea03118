package dev.ca4.search.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryGateTest {

    @Test
    void neverRunsMoreThanItsPermitsAtOnce() throws Exception {
        QueryGate gate = new QueryGate(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                final int id = c;
                answers.add(clients.submit(() -> {
                    go.await();
                    int sum = 0;
                    for (int q = 0; q < 20; q++) {
                        sum += gate.run(() -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                TimeUnit.MILLISECONDS.sleep(1); // long enough for the others to pile up
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                            return id;
                        });
                    }
                    return sum;
                }));
            }
            go.countDown();
            for (int c = 0; c < 8; c++) {
                assertEquals(20 * c, answers.get(c).get(30, TimeUnit.SECONDS)); // each got its own answers
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(2, most.get(), "searches running at once");
    }

    @Test
    void zeroMeansOnePerCoreAndNegativeIsRefused() {
        assertEquals(Runtime.getRuntime().availableProcessors(), new QueryGate(0).permits());
        assertTrue(new QueryGate(3).permits() == 3);
        assertThrows(IllegalArgumentException.class, () -> new QueryGate(-1));
    }

    @Test
    void releasesItsPermitWhenTheSearchFails() {
        QueryGate gate = new QueryGate(1);
        assertThrows(IllegalStateException.class, () -> gate.run(() -> {
            throw new IllegalStateException("bad query");
        }));
        assertEquals("next", gate.run(() -> "next"));
    }
}
