package dev.ca4.search.catalog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterTest {
    private final Entry e = new Entry("id", "resnet50", "run-1", Map.of("split", "val", "camera", "a"), null);

    @Test
    void everyGivenFieldMustMatch() {
        assertTrue(Filter.NONE.matches(e));
        assertTrue(new Filter("resnet50", null, null).matches(e));
        assertTrue(new Filter(null, "run-1", Map.of("split", "val")).matches(e));
        assertFalse(new Filter("vit", null, null).matches(e));
        assertFalse(new Filter("resnet50", "run-2", null).matches(e));
        assertFalse(new Filter(null, null, Map.of("split", "train")).matches(e));
        assertFalse(new Filter(null, null, Map.of("lens", "x")).matches(e), "a tag the entry lacks");
        assertFalse(new Filter(null, "run-1", null).matches(new Entry("id", "resnet50", null, null, null)));
    }
}
