package io.raycluster.contract.conformance.replay;

import static io.raycluster.contract.conformance.replay.Fixtures.CLUSTER;
import static io.raycluster.contract.conformance.replay.Fixtures.KEY_ID;
import static io.raycluster.contract.conformance.replay.Fixtures.SECRET;
import static io.raycluster.contract.conformance.replay.Fixtures.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections without using them (slowloris: a request head trickled; a
 * pipeline whose answers are never read; sockets that send nothing) must not keep a fresh client
 * from its answer, and must not keep their connections for ever. Timings here are generous
 * bounds, never measurements (those are in soak/run.sh).
 */
class ReplayServerSlowClientsTest {
  private final List<Socket> sockets = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private ReplayServer server;

  @AfterEach
  void closeAll() {
    stop.set(true);
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
    if (server != null) {
      server.close();
    }
  }

  private ReplayServer start(ReplayServer.Builder builder) throws IOException {
    server = builder.credential(KEY_ID, SECRET)
        .recordings(new ReplayRecordings().addBody(Fixtures.exampleBytes()))
        .start();
    return server;
  }

  /** A signed GetRayCluster call by the generated client, on its own new connection. */
  private String freshSignedCall() {
    try (RayClusterClient client = RayClusterClient.builder().endpoint(server.baseUrl())
        .credentials(CredentialsProviders.of(KEY_ID, SECRET)).retryPolicy(RetryPolicy.none())
        .callTimeout(Duration.ofSeconds(10)).build()) {
      return client.getRayCluster(WORKSPACE, CLUSTER).getClusterId();
    }
  }

  private Socket open() throws IOException {
    Socket s = Wire.connect(server.port());
    sockets.add(s);
    return s;
  }

  @Test
  void slowClients_doNotDelayAFreshClient() throws Exception {
    start(ReplayServer.builder());
    byte[] head = ("GET " + Fixtures.path(WORKSPACE, CLUSTER) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 200; i++) {
      open().getOutputStream().write(head[0]);
    }
    Thread trickle = new Thread(() -> {
      // One more byte on every socket every 200 ms: each looks like a request still arriving.
      for (int k = 1; !stop.get(); k++) {
        for (Socket s : sockets) {
          try {
            s.getOutputStream().write(head[Math.min(k, head.length - 1)]);
          } catch (IOException closedByTheServer) {
            // expected once its header deadline passes
          }
        }
        sleepQuietly(200);
      }
    });
    trickle.setDaemon(true);
    trickle.start();
    Thread.sleep(500);

    // Before: the JDK server read heads on 16 pool threads, and 16 slow sockets stopped it.
    assertEquals(CLUSTER, freshSignedCall());
  }

  @Test
  void clientsThatNeverReadTheirAnswers_doNotDelayAFreshClient() throws Exception {
    start(ReplayServer.builder());
    // A 1 MiB answer: a few of them fill any socket buffer, so the server's writes stall.
    byte[] big = Fixtures.bytes(Fixtures.exampleWith("ray-big", "Running").put("pad", "a".repeat(1 << 20)));
    server.recordings().addExchange("GET", Fixtures.path(WORKSPACE, "ray-big"), null, RecordedResponse.okJson(big));
    for (int i = 0; i < 32; i++) {
      Socket s = Wire.connect(server.port());
      s.setReceiveBufferSize(4096);
      sockets.add(s);
      StringBuilder pipeline = new StringBuilder();
      for (int k = 0; k < 8; k++) {
        pipeline.append(Wire.signedGet(server.port(), Fixtures.path(WORKSPACE, "ray-big"),
            Wire.acsHeaders(server.port(), Wire.freshNonce()), KEY_ID, SECRET));
      }
      OutputStream out = s.getOutputStream();
      out.write(pipeline.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // ... and never read.
    }
    Thread.sleep(500);

    // Before: each stalled write held one of the JDK server's 16 threads, with no write timeout.
    assertEquals(CLUSTER, freshSignedCall());
  }

  @Test
  void connectionThatSendsNoCompleteRequest_isClosedAfterTheHeaderTimeout() throws Exception {
    start(ReplayServer.builder().headerTimeout(Duration.ofSeconds(1)));
    Socket silent = open();
    Socket partial = open();
    partial.getOutputStream().write("GET / HT".getBytes(StandardCharsets.US_ASCII));

    assertTrue(Wire.closedByServer(silent), "a connection that sends nothing is closed");
    assertTrue(Wire.closedByServer(partial), "a connection whose request head never ends is closed");
  }

  @Test
  void idleKeptAliveConnection_isClosedAfterTheIdleTimeout() throws Exception {
    start(ReplayServer.builder().idleTimeout(Duration.ofSeconds(1)));
    Socket s = open();
    s.getOutputStream().write(("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    assertEquals(404, Wire.read(s.getInputStream()).status());

    assertTrue(Wire.closedByServer(s), "an idle kept-alive connection is reaped");
  }

  @Test
  void bodyThatNeverArrives_isClosedAfterTheRequestTimeout() throws Exception {
    start(ReplayServer.builder().requestTimeout(Duration.ofSeconds(1)));
    Socket s = open();
    s.getOutputStream().write(("POST /api/v1/workspaces/w/rayCluster/c HTTP/1.1\r\nHost: x\r\n"
        + "Content-Length: 100\r\n\r\nonly a part").getBytes(StandardCharsets.US_ASCII));

    assertTrue(Wire.closedByServer(s), "a request whose body stops arriving is closed");
  }

  @Test
  void connectionsPastTheCap_waitUntilOneCloses() throws Exception {
    // Long header and idle timeouts: only closing a socket here can free a place.
    start(ReplayServer.builder().maxConnections(4).headerTimeout(Duration.ofSeconds(60)));
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(open());
    }
    for (int i = 0; i < 500 && server.openConnections() < 4; i++) {
      Thread.sleep(10);
    }
    assertEquals(4, server.openConnections());

    CompletableFuture<String> fresh = CompletableFuture.supplyAsync(this::freshSignedCall);
    try {
      fresh.get(1, TimeUnit.SECONDS);
      throw new AssertionError("a fifth connection was served while four were open");
    } catch (TimeoutException expected) {
      // waiting in the listen queue
    }
    assertFalse(fresh.isDone());
    held.get(0).close();

    assertEquals(CLUSTER, fresh.get(10, TimeUnit.SECONDS));
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
