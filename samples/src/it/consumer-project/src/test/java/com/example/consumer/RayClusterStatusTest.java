package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.raycluster.contract.client.NotFoundException;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import io.raycluster.contract.conformance.replay.ReplayServer;
import io.raycluster.contract.conformance.replay.junit5.FakeEmrServerlessSpark;
import io.raycluster.contract.conformance.replay.junit5.FakeSpark;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.Attributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's test, built against the installed BOM and artifacts: the client signs, the fake EMR
 * Serverless Spark (the replay library's JUnit 5 extension) checks the signature and answers from
 * the recordings in src/test/resources/recordings.
 */
@FakeEmrServerlessSpark(classpath = "recordings")
class RayClusterStatusTest {
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
  void recordedCluster_isRunning() {
    RayCluster cluster = client.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
    assertEquals(RayClusterState.RUNNING, cluster.getState());
    assertEquals("ray-k7nm8ahl5te4tg91", cluster.getClusterId());
  }

  @Test
  void unknownCluster_isNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.getRayCluster("w-d2d82aa09155", "ray-unknown"));
    assertEquals("RayCluster.NotFound", e.code());
  }

  @Test
  void jarsFromTheBom_sayTheirReleaseAndTheVendorApiVersion() throws IOException {
    String release = System.getProperty("raycluster-contract.version");
    for (Class<?> type : new Class<?>[] {RayClusterClient.class, ReplayServer.class}) {
      URL url = type.getResource(type.getSimpleName() + ".class");
      Attributes manifest = ((JarURLConnection) url.openConnection()).getManifest().getMainAttributes();
      assertEquals(release, manifest.getValue("Implementation-Version"), url.toString());
      assertEquals(System.getProperty("vendor.api.version"), manifest.getValue("Vendor-API-Version"), url.toString());
    }
  }
}
