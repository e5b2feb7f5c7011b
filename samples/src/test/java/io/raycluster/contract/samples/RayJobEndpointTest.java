package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.raycluster.contract.client.NotFoundException;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.conformance.replay.junit5.FakeEmrServerlessSpark;
import io.raycluster.contract.conformance.replay.junit5.FakeSpark;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's test of their own code against a fake EMR Serverless Spark: one fake for the class,
 * answering from the recordings on the test classpath (here samples/recordings/, copied to
 * target/test-classes/recordings by this module's pom; in your project, src/test/resources/recordings).
 */
@FakeEmrServerlessSpark(classpath = "recordings")
class RayJobEndpointTest {
  private RayClusterClient client;

  @BeforeEach
  void connect(FakeSpark spark) {
    client = RayClusterClient.builder()
        .endpoint(spark.baseUrl())
        .credentials(spark.credentials())
        .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void runningCluster_givesItsJobUrl() {
    Optional<String> url = new RayJobEndpoint(client).find("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");

    assertEquals(Optional.of("https://emr-spark-ray-gateway-cn-hangzhou.aliyuncs.com"), url);
  }

  @Test
  void failedCluster_givesNone() {
    assertEquals(Optional.empty(), new RayJobEndpoint(client).find("w-d2d82aa09155", "ray-m3x9f2oom4k1ll07"));
  }

  @Test
  void unknownCluster_throwsNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> new RayJobEndpoint(client).find("w-d2d82aa09155", "ray-does-not-exist"));

    assertEquals("RayCluster.NotFound", e.code());
  }
}
