package dev.ca4.chaos;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakVerdictTest {

    private static List<SoakMinute> minutes(double p99First, double p99Last) {
        List<SoakMinute> m = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            double p99 = i == 4 ? p99Last : p99First;
            m.add(new SoakMinute(i, 3000, 3000, 0, 50, 5, p99, 100, p99, 200));
        }
        return m;
    }

    private static List<ProcessSample> samples(long heapStart, long heapEnd, long fdsEnd) {
        List<ProcessSample> s = new ArrayList<>();
        for (int t = 0; t < 240; t += 10) {
            boolean end = t >= 180;
            for (String server : List.of("processor", "worker")) {
                s.add(new ProcessSample(server, t, end ? heapEnd : heapStart, end ? fdsEnd : 300, 120));
            }
        }
        return s;
    }

    @Test
    void steadyFiguresPass() {
        List<String> v = SoakVerdict.judge(samples(100 << 20, 110 << 20, 305), minutes(40, 60));
        assertTrue(SoakVerdict.ok(v), v.toString());
    }

    @Test
    void heapGrowingByAThirdFails() {
        List<String> v = SoakVerdict.judge(samples(100 << 20, 134 << 20, 300), minutes(40, 40));
        assertFalse(SoakVerdict.ok(v));
        assertTrue(v.stream().anyMatch(f -> f.startsWith("GREW processor heap")), v.toString());
    }

    @Test
    void leakingFileDescriptorsFail() {
        List<String> v = SoakVerdict.judge(samples(100 << 20, 100 << 20, 400), minutes(40, 40));
        assertTrue(v.stream().anyMatch(f -> f.startsWith("GREW worker open fds")), v.toString());
    }

    @Test
    void p99DriftingUpFails() {
        List<String> v = SoakVerdict.judge(samples(100 << 20, 100 << 20, 300), minutes(40, 200));
        assertTrue(v.stream().anyMatch(f -> f.startsWith("GREW POST p99")), v.toString());
    }

    @Test
    void missingSamplesAreNotAVerdict() {
        List<String> v = SoakVerdict.judge(List.of(), minutes(40, 40));
        assertTrue(SoakVerdict.ok(v), v.toString());
    }
}
