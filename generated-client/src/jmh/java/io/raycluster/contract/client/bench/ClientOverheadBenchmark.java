package io.raycluster.contract.client.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.RayClusterClient;
import io.raycluster.contract.client.RetryPolicy;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.client.generated.model.RayCluster;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client adds to a call (issue 14): {@link RayClusterClient#getRayCluster} (signing,
 * retry and size-limit interceptors, typed errors, the generated Jackson model) against a plain
 * OkHttp GET of the same URL plus Jackson data binding of the same body into the same model,
 * both from one local MockWebServer answering the spec's example on kept-alive connections.
 * Run by {@code generated-client/bench/run.sh}; the ratio {@code client / plainOkHttpJackson} is
 * the overhead (goal <= 1.2); {@code -prof gc} gives the allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx512m"})
public class ClientOverheadBenchmark {
  private static final String WORKSPACE = "w-d2d82aa09155";
  private static final String CLUSTER = "ray-k7nm8ahl5te4tg91";

  private MockWebServer server;
  private RayClusterClient client;
  private OkHttpClient plain;
  private ObjectMapper mapper;
  private HttpUrl url;

  @Setup(Level.Trial)
  public void start() throws IOException {
    SpecOperation op = ApiSpec.bundled().soleJsonGetOperation().orElseThrow();
    byte[] body = new ObjectMapper().writeValueAsBytes(op.responseFor(200).orElseThrow().example());
    server = new MockWebServer();
    // MockWebServer writes a response's head and body apart: without TCP_NODELAY, Nagle's
    // algorithm and the client's delayed ACK add 40 ms to every call, whatever the client.
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse().setResponseCode(200)
            .setHeader("Content-Type", "application/json;charset=utf-8")
            .setBody(new Buffer().write(body));
      }
    });
    server.start();
    // Signing on (a made-up key pair; the server checks nothing), the default retry policy.
    client = RayClusterClient.builder().endpoint(server.url("/").toString())
        .credentials(CredentialsProviders.of("BENCHMARK-KEY-ID", "benchmark-key-secret"))
        .retryPolicy(RetryPolicy.defaults())
        .build();
    plain = new OkHttpClient();
    // What a caller would write: the model ignores fields it does not know, like the client's mapper.
    mapper = new ObjectMapper().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    url = server.url(op.pathTemplate().replace("{workspaceId}", WORKSPACE).replace("{clusterId}", CLUSTER));
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    client.close();
    plain.dispatcher().executorService().shutdown();
    plain.connectionPool().evictAll();
    server.shutdown();
  }

  /** Server sockets whose accepted connections send at once (TCP_NODELAY). */
  private static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new java.net.ServerSocket() {
        @Override
        public java.net.Socket accept() throws IOException {
          java.net.Socket s = super.accept();
          s.setTcpNoDelay(true);
          return s;
        }
      };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
        throws IOException {
      throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
    }
  }

  @Benchmark
  public RayCluster client() {
    return client.getRayCluster(WORKSPACE, CLUSTER);
  }

  @Benchmark
  public RayCluster plainOkHttpJackson() throws IOException {
    try (Response response = plain.newCall(new Request.Builder().url(url).get().build()).execute()) {
      if (response.code() != 200) {
        throw new IOException("HTTP " + response.code());
      }
      return mapper.readValue(response.body().bytes(), RayCluster.class);
    }
  }
}
