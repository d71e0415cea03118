package dev.ca4.k8scheck;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every overlay renders, and every object in it is a valid typed Kubernetes object that refers to real things. */
class RenderedOverlaysTest {

    @TestFactory
    Stream<DynamicTest> everyOverlayParsesStrictly() {
        return Repo.OVERLAYS.stream().map(o -> DynamicTest.dynamicTest(o, () -> {
            Manifests m = Manifests.render(o);
            assertFalse(m.items().isEmpty(), o + " renders nothing");
            assertEquals(List.of(), StrictValidator.validate(m), o + ": strict validation");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOverlayIsConsistent() {
        return Repo.OVERLAYS.stream().map(o -> DynamicTest.dynamicTest(o, () ->
                assertEquals(List.of(), References.check(Manifests.render(o)), o + ": references")));
    }

    @TestFactory
    Stream<DynamicTest> everyPodIsHardenedAndSized() {
        return Repo.OVERLAYS.stream().map(o -> DynamicTest.dynamicTest(o, () ->
                assertEquals(List.of(), PodPolicy.check(Manifests.render(o)), o + ": pod policy")));
    }
}
