package dev.ca4.bench.producer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engines' JSON lines are found among their log lines, and the ratio is one of medians. */
class EngineResultTest {

    @Test
    void parsesTheResultLinesAndSkipsTheRest() {
        String out = """
                Nov 23, 2026 4:54:39 PM org.nd4j.linalg.cpu.nativecpu.CpuBackend logBackendInit
                {"engine":"fast","batch":8,"threads":2,"images_per_s":[9.5, 10.25, 9.75],"profile_s":{"conv 3×3":1.2}}
                {not json
                {"engine": "pytorch", "batch": 8, "threads": 2, "images_per_s": [20.0, 19.0, 21.0]}
                """;
        List<EngineResult> rs = EngineResult.parse(out);
        assertEquals(2, rs.size());
        assertEquals("fast", rs.get(0).engine());
        assertEquals(8, rs.get(0).batch());
        assertEquals(List.of(9.5, 10.25, 9.75), rs.get(0).imagesPerSecond());
        assertEquals(1.2, rs.get(0).raw().get("profile_s").get("conv 3×3").asDouble());
        var ratio = ProducerScenario.ratio("producer", "fast / PyTorch batch 8", List.of(rs, rs), "fast", 8);
        assertEquals(1, ratio.size());
        assertEquals(List.of(9.75 / 20.0, 9.75 / 20.0), ratio.get(0).samples());
        assertEquals(List.of(), ProducerScenario.ratio("producer", "x", List.of(rs), "dl4j", 8), "no DL4J figure");
    }
}
