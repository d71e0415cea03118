package dev.ca4.processor.api;

import dev.ca4.processor.api.error.ProblemException;
import dev.ca4.processor.api.error.Problems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads a request body, refusing (413) anything over the limit without buffering more than limit + 1 bytes. */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(InputStream in, String contentLength, long limit) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException ignored) {
                // a malformed header is the container's business; the streaming check below still holds
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(Problems.payloadTooLarge(
                "request body exceeds the limit of " + limit + " bytes", List.of()));
    }
}
