package io.raycluster.contract.conformance.replay.junit5;

import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.conformance.replay.ReplayRecordings;
import java.util.List;

/**
 * A running fake EMR Serverless Spark: what a test needs to point its code at it. A test method,
 * a {@code @BeforeEach} or {@code @BeforeAll} method or a constructor gets it as a parameter
 * under {@link FakeEmrServerlessSpark @FakeEmrServerlessSpark}; a
 * {@link FakeEmrServerlessSparkExtension} field is one itself.
 *
 * <pre>{@code
 * @Test
 * void readsTheCluster(FakeSpark spark) {
 *   try (RayClusterClient client = RayClusterClient.builder()
 *       .endpoint(spark.baseUrl()).credentials(spark.credentials()).build()) {
 *     ...
 *   }
 * }
 * }</pre>
 */
public interface FakeSpark {
  /** Where it listens, for the project's client: {@code http://127.0.0.1:PORT}. */
  String baseUrl();

  /**
   * Host and port, {@code 127.0.0.1:PORT}: the form the vendor's SDKs take as their endpoint
   * (with protocol {@code HTTP}).
   */
  String endpoint();

  /** The AccessKey id the fake accepts: a throwaway one unless the extension was given a pair. */
  String accessKeyId();

  /** The AccessKey secret that goes with {@link #accessKeyId()}. */
  String accessKeySecret();

  /** {@link #accessKeyId()} and {@link #accessKeySecret()} as credentials for the project's client. */
  CredentialsProvider credentials();

  /** What the fake answers from; a test may add recordings while it runs. */
  ReplayRecordings recordings();

  /**
   * One line per request answered so far, oldest first: {@code time method path status code
   * duration}, for example {@code ... GET /api/v1/workspaces/w-1/rayCluster/ray-1 200 - 3ms}.
   */
  List<String> requestLog();
}
