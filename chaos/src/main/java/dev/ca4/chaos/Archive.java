package dev.ca4.chaos;

import dev.ca4.worker.archive.SegmentFormat;
import dev.ca4.worker.archive.SegmentKeys;
import dev.ca4.worker.archive.SegmentManifest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The worker's S3 archive: which segment rows hold each event_id (any date folder). */
public final class Archive implements AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    public Archive(URI endpoint, String accessKey, String secretKey, String bucket) {
        this.s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
        this.bucket = bucket;
    }

    /** Every segment row that holds each event_id, from every segment object in the bucket. */
    public Map<String, List<ArchivePlace>> places() {
        Map<String, List<ArchivePlace>> out = new HashMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket)
                .prefix(SegmentKeys.PREFIX).build()).contents()) {
            SegmentFormat.ArchivedSegment segment = SegmentFormat.decode(
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray());
            SegmentManifest m = segment.manifest();
            for (int row = 0; row < segment.events().size(); row++) {
                out.computeIfAbsent(segment.events().get(row).get("event_id").asText(), k -> new ArrayList<>())
                        .add(new ArchivePlace(o.key(), row, m.topic() + "/" + m.partition() + "/" + m.offsets().get(row)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        s3.close();
    }
}
