package dev.ca4.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentStartTest {

    @TempDir
    Path home;

    @Test
    void racingStartsEndWithOneJvmAndOneAlreadyRunning() {
        LocalStack stack = new LocalStack(TestStacks.onFreePorts(home));
        try {
            CompletableFuture<StartResult> first = CompletableFuture.supplyAsync(() -> stack.start("mongo").get(0));
            CompletableFuture<StartResult> second = CompletableFuture.supplyAsync(() -> stack.start("mongo").get(0));
            List<StartResult> results = List.of(first.join(), second.join());

            assertEquals(1, results.stream().filter(StartResult::alreadyRunning).count(), results::toString);
            assertEquals(results.get(0).pid(), results.get(1).pid());
            assertTrue(stack.isUp("mongo"));
        } finally {
            stack.stop(Service.ALL);
        }
    }
}
