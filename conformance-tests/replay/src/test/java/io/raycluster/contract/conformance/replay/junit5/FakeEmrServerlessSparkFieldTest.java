package io.raycluster.contract.conformance.replay.junit5;

import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.RUNNING;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.raycluster.contract.client.AuthenticationException;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A static extension field, with recordings on disk and a key pair of the test's choosing. */
class FakeEmrServerlessSparkFieldTest {
  private static final String KEY_ID = "LTAI-fake-spark-field-test";
  private static final String SECRET = "fake-spark-field-test-secret";

  @RegisterExtension
  static FakeEmrServerlessSparkExtension spark = FakeEmrServerlessSparkExtension.builder()
      .paths(Path.of("src/test/resources/fake-spark"))
      .credential(KEY_ID, SECRET)
      .build();

  private static String getState(String keyId, String secret) {
    try (RayClusterClient client = RayClusterClient.builder().endpoint(spark.baseUrl())
        .credentials(CredentialsProviders.of(keyId, secret)).retryPolicy(RetryPolicy.none()).build()) {
      return client.getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()).getState().getValue();
    }
  }

  @Test
  void givenKeyPair_isHandedOutAndAccepted() {
    assertEquals(KEY_ID, spark.accessKeyId());
    assertEquals(SECRET, spark.accessKeySecret());
    assertEquals(RUNNING.get("state").asText(), getState(KEY_ID, SECRET));
  }

  @Test
  void anotherKeyId_isRefusedAsUnknown() {
    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> getState("LTAI-someone-else", SECRET));

    assertEquals("InvalidAccessKeyId.NotFound", e.code());
  }

  @Test
  void parameter_isTheFakeTheFieldRuns(FakeSpark parameter) {
    assertEquals(spark.baseUrl(), parameter.baseUrl());
    assertSame(spark.recordings(), parameter.recordings());
  }
}
