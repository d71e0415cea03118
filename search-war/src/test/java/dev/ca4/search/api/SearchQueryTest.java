package dev.ca4.search.api;

import dev.ca4.event.EmbeddingCodec;
import dev.ca4.event.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchQueryTest {
    private static final float[] V = {0.5f, 1.5f, -2f};

    private static SearchQuery body(String json) throws SearchQuery.Invalid {
        return SearchQuery.fromBody(json.getBytes(StandardCharsets.UTF_8), 3, 100);
    }

    private static List<String> fields(String json) {
        return assertThrows(SearchQuery.Invalid.class, () -> body(json)).violations().stream().map(Violation::field).toList();
    }

    @Test
    void readsAVectorInEitherFormWithKAndFilter() throws Exception {
        SearchQuery b64 = body("{\"values_b64\":\"" + EmbeddingCodec.encodeBase64(V) + "\",\"k\":7,"
                + "\"filter\":{\"model.name\":\"resnet50\",\"source.run_id\":\"r1\",\"tags.split\":\"val\"}}");
        assertArrayEquals(V, b64.vector());
        assertEquals(7, b64.k());
        assertEquals("resnet50", b64.filter().modelName());
        assertEquals("r1", b64.filter().runId());
        assertEquals(Map.of("split", "val"), b64.filter().tags());
        SearchQuery values = body("{\"values\":[0.5,1.5,-2]}");
        assertArrayEquals(V, values.vector());
        assertEquals(SearchQuery.DEFAULT_K, values.k());
        assertTrue(values.filter().isEmpty());
    }

    @Test
    void namesEveryBrokenField() {
        assertEquals(List.of("values"), fields("{\"values\":[1,2]}"));
        assertEquals(List.of("values_b64"), fields("{\"values_b64\":\"%%%\"}"));
        assertEquals(List.of("values_b64"), fields("{\"values\":[1,2,3],\"values_b64\":\"AAAA\"}"));
        assertEquals(List.of("values"), fields("{\"k\":3}"));
        assertEquals(List.of("values[1]"), fields("{\"values\":[1,\"x\",3]}"));
        assertEquals(List.of("k"), fields("{\"values\":[1,2,3],\"k\":0}"));
        assertEquals(List.of("k"), fields("{\"values\":[1,2,3],\"k\":101}"));
        assertEquals(List.of("k"), fields("{\"values\":[1,2,3],\"k\":\"5\"}"));
        assertEquals(List.of("k"), fields("{\"values\":[1,2,3],\"k\":1e10}"));
        assertEquals(List.of("filter.colour"), fields("{\"values\":[1,2,3],\"filter\":{\"colour\":\"red\"}}"));
        assertEquals(List.of("filter.model.name"), fields("{\"values\":[1,2,3],\"filter\":{\"model.name\":3}}"));
        assertEquals(List.of("filter"), fields("{\"values\":[1,2,3],\"filter\":[]}"));
        assertEquals(List.of("limit"), fields("{\"values\":[1,2,3],\"limit\":3}"));
        assertEquals(List.of("$"), fields("{nope"));
        assertEquals(List.of("$"), fields("[1,2,3]"));
        assertEquals(2, fields("{\"values\":[1],\"k\":-1}").size(), "all problems at once");
    }

    @Test
    void parametersOfGetSimilar() throws Exception {
        SearchQuery q = SearchQuery.fromParameters("25", Map.of("tags.camera", "a", "source.run_id", "r"), 100);
        assertEquals(25, q.k());
        assertEquals(Map.of("camera", "a"), q.filter().tags());
        assertEquals("r", q.filter().runId());
        assertEquals(SearchQuery.DEFAULT_K, SearchQuery.fromParameters(null, Map.of(), 100).k());
        for (String bad : List.of("0", "101", "ten", "")) {
            var e = assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.fromParameters(bad, Map.of(), 100));
            assertEquals("k", e.violations().get(0).field());
        }
        var e = assertThrows(SearchQuery.Invalid.class, () -> SearchQuery.fromParameters(null, Map.of("tags.", "x"), 100));
        assertEquals("tags.", e.violations().get(0).field());
    }
}
