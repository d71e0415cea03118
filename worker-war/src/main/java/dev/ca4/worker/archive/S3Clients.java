package dev.ca4.worker.archive;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.time.Duration;

/** The S3 client of the worker and of the restore, from the ca4.s3.* settings. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * @param endpoint  empty = AWS's endpoint
     * @param accessKey empty = the AWS default provider chain (instance profile on EC2)
     */
    public static S3Client create(String region, String endpoint, boolean pathStyle, String accessKey,
                                  String secretKey) {
        S3ClientBuilder b = S3Client.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(30)))
                .forcePathStyle(pathStyle);
        if (!endpoint.isBlank()) {
            b.endpointOverride(URI.create(endpoint));
        }
        b.credentialsProvider(accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return b.build();
    }
}
