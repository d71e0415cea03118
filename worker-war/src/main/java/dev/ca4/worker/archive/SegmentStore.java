package dev.ca4.worker.archive;

import dev.ca4.worker.record.ConsumedRecord;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Segment objects in one bucket: one PUT a segment, never two versions of a key (docs/archive-segments.md).
 * The PUT is conditional ({@code If-None-Match: *}): an object already there (a redelivered range, written before
 * a crash) is kept, and its rows are the same records in the same order, so the segment's rows it covers point
 * into it (its metadata read with one HEAD); rows past its last offset go on as a segment of their own. The seal time and writer are object metadata,
 * not bytes, so the bytes depend on the records alone.
 */
public final class SegmentStore {
    static final String META_LAST_OFFSET = "ca4-last-offset";
    static final String META_ROWS = "ca4-rows";
    static final String META_SEALED_AT = "ca4-sealed-at";
    static final String META_WORKER = "ca4-worker-version";

    private final S3Client s3;
    private final String bucket;
    private final String workerVersion;

    public SegmentStore(S3Client s3, String bucket, String workerVersion) {
        this.s3 = s3;
        this.bucket = bucket;
        this.workerVersion = workerVersion;
    }

    public String bucket() {
        return bucket;
    }

    /** Archives {@code rows} (one partition, offset order); returns each row's place, in the same order. */
    public List<RowPlacement> write(List<ConsumedRecord> rows, Instant sealedAt) {
        List<RowPlacement> placements = new ArrayList<>(rows.size());
        List<ConsumedRecord> rest = rows;
        while (!rest.isEmpty()) {
            ConsumedRecord first = rest.get(0);
            String key = SegmentKeys.of(first.origin().topic(), first.origin().partition(), first.origin().offset(),
                    first.timestamp());
            if (putIfAbsent(key, rest, sealedAt)) {
                for (int i = 0; i < rest.size(); i++) {
                    placements.add(new RowPlacement(key, i, sealedAt));
                }
                return placements;
            }
            HeadObjectResponse existing = head(key);
            if (existing == null) {
                throw new IllegalStateException("segment " + key + " was refused as existing but is not there");
            }
            long lastOffset = Long.parseLong(existing.metadata().getOrDefault(META_LAST_OFFSET, "-1"));
            Instant sealedBefore = Instant.parse(existing.metadata().getOrDefault(META_SEALED_AT, sealedAt.toString()));
            int covered = 0;
            while (covered < rest.size() && rest.get(covered).origin().offset() <= lastOffset) {
                placements.add(new RowPlacement(key, covered, sealedBefore));
                covered++;
            }
            if (covered == 0) {
                throw new IllegalStateException("segment " + key + " exists but ends at offset " + lastOffset
                        + ", before its own first record " + first.origin().offset());
            }
            rest = rest.subList(covered, rest.size());
        }
        return placements;
    }

    /** The segment's bytes as they are (RequestBody.fromBytes would copy them once more). */
    private static RequestBody body(SegmentFormat.Encoded segment) {
        return RequestBody.fromContentProvider(segment::stream, segment.length(), "application/zip");
    }

    /**
     * One conditional PUT ({@code If-None-Match: *}, S3's conditional write, atomic): true when written, false
     * when the key exists already (HTTP 412), which is then left as it is.
     */
    private boolean putIfAbsent(String key, List<ConsumedRecord> rows, Instant sealedAt) {
        Map<String, String> meta = Map.of(
                META_LAST_OFFSET, String.valueOf(rows.get(rows.size() - 1).origin().offset()),
                META_ROWS, String.valueOf(rows.size()), META_SEALED_AT, sealedAt.toString(),
                META_WORKER, workerVersion);
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/zip").metadata(meta).ifNoneMatch("*"),
                    body(SegmentFormat.encoded(rows)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            throw e;
        }
    }

    /** A segment object's bytes and the metadata it was stored with. */
    public record StoredSegment(String key, byte[] bytes, Instant sealedAt, String workerVersion) {
    }

    public StoredSegment read(String key) {
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        Map<String, String> meta = r.response().metadata();
        if (!meta.containsKey(META_SEALED_AT)) {
            throw new IllegalArgumentException("segment " + key + " has no " + META_SEALED_AT + " metadata");
        }
        return new StoredSegment(key, r.asByteArray(), Instant.parse(meta.get(META_SEALED_AT)),
                meta.getOrDefault(META_WORKER, "unknown"));
    }

    /** The segment objects under {@code prefix}, in key order (date, then topic, partition and first offset). */
    public Stream<S3Object> list(String prefix) {
        if (!prefix.startsWith(SegmentKeys.PREFIX)) {
            throw new IllegalArgumentException("segment keys start with " + SegmentKeys.PREFIX + ", not '" + prefix + "'");
        }
        return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .build()).contents().stream().filter(o -> o.key().endsWith(".zip"));
    }

    /** Throws when the bucket is not reachable. */
    public void check() {
        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    }

    private HeadObjectResponse head(String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }
}
