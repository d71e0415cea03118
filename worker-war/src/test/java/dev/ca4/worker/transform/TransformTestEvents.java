package dev.ca4.worker.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ca4.event.EventValidator;
import dev.ca4.event.GpuMetadataEvent;
import dev.ca4.event.SampleEvents;

import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/** Valid events for the transform tests, built the way the processor builds them (validated JSON). */
final class TransformTestEvents {
    private TransformTestEvents() {
    }

    /** A sample event with {@code edit} applied to its JSON first. */
    static GpuMetadataEvent event(Consumer<ObjectNode> edit) {
        ObjectNode json = SampleEvents.withValues(UUID.randomUUID(), 4, new Random(7));
        edit.accept(json);
        EventValidator.Result r = new EventValidator().validate(json);
        if (!r.valid()) {
            throw new IllegalArgumentException("test event invalid: " + r.violations());
        }
        return r.event();
    }
}
