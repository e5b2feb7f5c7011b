package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.raycluster.contract.client.NotFoundException;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.client.generated.model.RayClusterState;
import io.raycluster.contract.conformance.replay.ReplayRecordings;
import io.raycluster.contract.conformance.replay.ReplayServer;
import io.raycluster.contract.conformance.replay.ThrowawayKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.Attributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's test, built against the installed BOM and artifacts: the client signs, the replay
 * server checks the signature and answers from a recording on the classpath.
 */
class RayClusterStatusTest {
  private static ReplayServer fake;
  private static RayClusterClient client;

  @BeforeAll
  static void startTheFakeService() throws IOException {
    ThrowawayKey key = ThrowawayKey.generate();
    byte[] recording;
    try (InputStream in = RayClusterStatusTest.class.getResourceAsStream("/recordings/get-ray-cluster-running.json")) {
      recording = in.readAllBytes();
    }
    fake = ReplayServer.builder()
        .credential(key.accessKeyId(), key.accessKeySecret())
        .recordings(new ReplayRecordings().addBody(recording))
        .log(line -> { })
        .start();
    client = RayClusterClient.builder()
        .endpoint(fake.baseUrl())
        .credentials(CredentialsProviders.of(key.accessKeyId(), key.accessKeySecret()))
        .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    fake.close();
  }

  @Test
  void recordedCluster_isRunning() {
    RayCluster cluster = client.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
    assertEquals(RayClusterState.RUNNING, cluster.getState());
    assertEquals("ray-k7nm8ahl5te4tg91", cluster.getClusterId());
  }

  @Test
  void unknownCluster_isNotFound() {
    assertThrows(NotFoundException.class, () -> client.getRayCluster("w-d2d82aa09155", "ray-unknown"));
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
