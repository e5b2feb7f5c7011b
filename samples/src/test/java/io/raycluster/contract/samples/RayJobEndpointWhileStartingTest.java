package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.conformance.replay.junit5.FakeEmrServerlessSparkExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same code against a fake per test: an instance field starts a fresh one for every test,
 * so each replays the starting cluster's recording from its first answer (Starting, Starting,
 * Running).
 */
class RayJobEndpointWhileStartingTest {
  @RegisterExtension
  FakeEmrServerlessSparkExtension spark = FakeEmrServerlessSparkExtension.builder()
      .classpath("recordings/starting-then-running.har")
      .build();

  private Optional<String> find() {
    try (RayClusterClient client = RayClusterClient.builder()
        .endpoint(spark.baseUrl()).credentials(spark.credentials()).build()) {
      return new RayJobEndpoint(client).find("w-d2d82aa09155", "ray-q8w2e4r6t8y0u1i3");
    }
  }

  @Test
  void startingCluster_givesNoneUntilItRuns() {
    List<Optional<String>> polls = List.of(find(), find(), find());

    assertEquals(List.of(Optional.empty(), Optional.empty(),
        Optional.of("https://emr-spark-ray-gateway-cn-hangzhou.aliyuncs.com")), polls);
    assertEquals(3, spark.requestLog().size());
  }

  @Test
  void startingCluster_inAnotherTest_startsOverFromItsFirstAnswer() {
    assertEquals(Optional.empty(), find());
  }
}
