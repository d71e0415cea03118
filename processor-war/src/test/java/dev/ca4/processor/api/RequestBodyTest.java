package dev.ca4.processor.api;

import dev.ca4.processor.api.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBodyTest {

    @Test
    void returnsTheWholeBodyUpToTheLimitByteForByte() {
        byte[] body = new byte[200_000]; // several reads of the 64 KB buffer
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        assertArrayEquals(body, RequestBody.read(new ByteArrayInputStream(body), null, body.length));
        assertArrayEquals(body, RequestBody.read(new ByteArrayInputStream(body), "200000", body.length));
        assertArrayEquals(new byte[0], RequestBody.read(new ByteArrayInputStream(new byte[0]), "0", 10));
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413WithoutReadingTheBody() {
        CountingStream in = new CountingStream(new byte[100]);
        ProblemException e = assertThrows(ProblemException.class, () -> RequestBody.read(in, " 101 ", 100));
        assertEquals(413, e.problem().status());
        assertTrue(e.problem().detail().contains("100 bytes"), e.problem().detail());
        assertEquals(0, in.read.get(), "nothing read");
    }

    @Test
    void aBodyLongerThanItsHeaderSaidIsStillStoppedAtTheLimit() {
        CountingStream in = new CountingStream(new byte[300_000]);
        ProblemException e = assertThrows(ProblemException.class, () -> RequestBody.read(in, "10", 100_000));
        assertEquals(413, e.problem().status());
        assertTrue(in.read.get() <= 100_000 + 64 * 1024, "stopped within one buffer past the limit: " + in.read);
    }

    @Test
    void aMalformedLengthHeaderFallsBackToCountingTheBody() {
        byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(small, RequestBody.read(new ByteArrayInputStream(small), "lots", 10));
        assertEquals(413, assertThrows(ProblemException.class,
                () -> RequestBody.read(new ByteArrayInputStream(new byte[11]), "lots", 10)).problem().status());
    }

    @Test
    void aBrokenConnectionIsAnIoErrorNotAProblemAnswer() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThrows(UncheckedIOException.class, () -> RequestBody.read(broken, null, 10));
    }

    private static final class CountingStream extends ByteArrayInputStream {
        final AtomicLong read = new AtomicLong();

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }
}
