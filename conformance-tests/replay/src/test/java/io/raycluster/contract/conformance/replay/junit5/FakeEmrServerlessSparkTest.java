package io.raycluster.contract.conformance.replay.junit5;

import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.RUNNING;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.AuthenticationException;
import io.raycluster.contract.client.NotFoundException;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.generated.model.RayCluster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The annotation, used as a user would, with the project's client. */
@FakeEmrServerlessSpark(classpath = "fake-spark")
class FakeEmrServerlessSparkTest {
  private static FakeSpark beforeAll;

  @BeforeAll
  static void remember(FakeSpark spark) {
    beforeAll = spark;
  }

  private static RayClusterClient client(String baseUrl, CredentialsProvider credentials) {
    return RayClusterClient.builder().endpoint(baseUrl).credentials(credentials)
        .retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void projectClient_getsTheRecordedCluster(FakeSpark spark) {
    try (RayClusterClient client = client(spark.baseUrl(), spark.credentials())) {
      RayCluster cluster = client.getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText());

      assertEquals(RUNNING.get("name").asText(), cluster.getName());
      assertEquals(RUNNING.get("state").asText(), cluster.getState().getValue());
    }
  }

  @Test
  void handle_givesTheLoopbackUrlItsEndpointAndAThrowawayKeyPair(FakeSpark spark) {
    assertTrue(spark.baseUrl().startsWith("http://127.0.0.1:"), spark.baseUrl());
    assertEquals("http://" + spark.endpoint(), spark.baseUrl());
    assertTrue(spark.accessKeyId().startsWith("replay-"), spark.accessKeyId());
    Credentials resolved = spark.credentials().resolveCredentials();
    assertEquals(spark.accessKeyId(), resolved.accessKeyId());
    assertEquals(spark.accessKeySecret(), resolved.accessKeySecret());
    assertTrue(!spark.toString().contains(spark.accessKeySecret()), spark.toString());
  }

  @Test
  void everyTestOfTheClass_getsTheFakeStartedForTheClass(FakeSpark spark) {
    assertSame(beforeAll, spark);
  }

  @Test
  void requestSignedWithAnotherSecret_isRefusedWithSignatureDoesNotMatch(FakeSpark spark) {
    try (RayClusterClient client = client(spark.baseUrl(),
        CredentialsProviders.of(spark.accessKeyId(), spark.accessKeySecret() + "x"))) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText()));

      assertEquals("SignatureDoesNotMatch", e.code());
    }
  }

  @Test
  void unrecordedCluster_isTheDocumentedNotFound_namingWhatIsRecorded(FakeSpark spark) {
    try (RayClusterClient client = client(spark.baseUrl(), spark.credentials())) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client.getRayCluster(WORKSPACE, "ray-none"));

      assertEquals(TestRecordings.notFoundCode(), e.code());
      assertTrue(e.errorMessage().contains("no recording for GET " + TestRecordings.path(WORKSPACE, "ray-none")),
          e.errorMessage());
    }
  }

  @Test
  void recordingAddedByTheTest_isServed(FakeSpark spark) {
    ObjectNode stopped = ((ObjectNode) RUNNING.deepCopy()).put("clusterId", "ray-added-by-test").put("state", "Stopped");
    spark.recordings().addBody(stopped.toString().getBytes(StandardCharsets.UTF_8));

    try (RayClusterClient client = client(spark.baseUrl(), spark.credentials())) {
      assertEquals("Stopped", client.getRayCluster(WORKSPACE, "ray-added-by-test").getState().getValue());
    }
  }

  @Test
  void requestLog_hasALinePerCall(FakeSpark spark) {
    int before = spark.requestLog().size();
    try (RayClusterClient client = client(spark.baseUrl(), spark.credentials())) {
      client.getRayCluster(WORKSPACE, RUNNING.get("clusterId").asText());
    }

    List<String> log = spark.requestLog();
    assertEquals(before + 1, log.size(), log.toString());
    String line = log.get(log.size() - 1);
    assertTrue(line.contains(" GET " + TestRecordings.path(WORKSPACE, RUNNING.get("clusterId").asText()) + " 200 "),
        line);
  }

  @Nested
  class InANestedClass {
    @Test
    void theEnclosingClassesFake_isUsed(FakeSpark spark) {
      assertSame(beforeAll, spark);
    }
  }
}
