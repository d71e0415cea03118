package dev.ca4.bench.e2e;

import org.HdrHistogram.Histogram;

import java.util.List;

/**
 * What an open-loop run sent: ids answered 202, everything else, the response latency from the intended send
 * time (microseconds), how late the sender itself was at worst (a busy machine delays it), and how long
 * sending took (from request 0 to one interval after the last).
 */
public record SendResult(int sent, List<String> accepted, long non202, Histogram responseMicros,
                         long maxSendLagMicros, double elapsedSeconds) {
}
