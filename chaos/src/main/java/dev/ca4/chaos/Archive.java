package dev.ca4.chaos;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The worker's S3 archive: how many raw and embedding objects each event_id has (any date folder). */
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

    /** Copies per event_id under {@code raw/} ({@code .json}) or {@code embeddings/} ({@code .f32}). */
    public Map<String, Integer> copies(String prefix, String suffix) {
        Map<String, Integer> out = new HashMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .build()).contents()) {
            String key = o.key();
            if (key.endsWith(suffix)) {
                String id = key.substring(key.lastIndexOf('/') + 1, key.length() - suffix.length());
                out.merge(id, 1, Integer::sum);
            }
        }
        return out;
    }

    @Override
    public void close() {
        s3.close();
    }
}
