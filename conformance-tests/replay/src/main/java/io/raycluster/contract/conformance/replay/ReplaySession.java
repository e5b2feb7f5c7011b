package io.raycluster.contract.conformance.replay;

import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A replay server over recordings on disk, in one call: load the recordings (refusing to start
 * when one cannot be read), accept a key pair (a throwaway one unless given), start the server.
 * What the command-line tool ({@code get --replay}, {@code replay}), the samples and tests need
 * to stand in for the service.
 *
 * <pre>{@code
 * try (ReplaySession replay = ReplaySession.start(List.of(Path.of("samples/recordings")));
 *     RayClusterClient client = RayClusterClient.builder()
 *         .endpoint(replay.baseUrl()).credentials(replay.credentials()).build()) {
 *   client.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
 * }
 * }</pre>
 */
public final class ReplaySession implements AutoCloseable {
  private final ReplayServer server;
  private final RecordingLoader.Result loaded;
  private final Map<String, String> credentials;
  private final boolean throwaway;

  private ReplaySession(ReplayServer server, RecordingLoader.Result loaded, Map<String, String> credentials,
      boolean throwaway) {
    this.server = server;
    this.loaded = loaded;
    this.credentials = credentials;
    this.throwaway = throwaway;
  }

  /** A session over these recordings, for the bundled spec, on a free loopback port. */
  public static ReplaySession start(List<Path> recordings) throws LoadException, IOException {
    return builder().recordings(recordings).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The recordings could not all be read; nothing was started. */
  public static final class LoadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    LoadException(List<String> problems) {
      super("Cannot read the recordings: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    /** Each problem, with its file and JSON pointer. */
    public List<String> problems() {
      return problems;
    }
  }

  /** The base URL to point a client at, e.g. {@code http://127.0.0.1:43121}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  public ReplayServer server() {
    return server;
  }

  /** What was loaded: counts, and warnings about recordings that shadow others. */
  public RecordingLoader.Result loaded() {
    return loaded;
  }

  /** The key pairs the server accepts (AccessKey id to secret). */
  public Map<String, String> accessKeys() {
    return credentials;
  }

  /** Whether the session made a throwaway pair (no pairs were given). */
  public boolean throwawayKey() {
    return throwaway;
  }

  /** Credentials for a client: the first accepted pair. */
  public CredentialsProvider credentials() {
    Map.Entry<String, String> pair = credentials.entrySet().iterator().next();
    return CredentialsProviders.of(pair.getKey(), pair.getValue());
  }

  @Override
  public void close() {
    server.close();
  }

  /** Configures and starts a {@link ReplaySession}. */
  public static final class Builder {
    private ResponseValidator engine;
    private SpecOperation bodyOperation;
    private List<Path> recordings = List.of();
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private String host = "127.0.0.1";
    private int port;
    private Consumer<String> log = line -> { };

    private Builder() {}

    /** The engine whose spec and limits load the recordings (default: the bundled spec). */
    public Builder engine(ResponseValidator engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** The operation bare bodies answer (default: the spec's only GET with a JSON response). */
    public Builder bodyOperation(SpecOperation operation) {
      this.bodyOperation = Objects.requireNonNull(operation, "operation");
      return this;
    }

    /** Recordings: {@code *.json} bodies, {@code *.har} files, or directories of them. */
    public Builder recordings(List<Path> paths) {
      this.recordings = List.copyOf(paths);
      return this;
    }

    /** Accept these key pairs (AccessKey id to secret) instead of a throwaway pair. */
    public Builder credentials(Map<String, String> pairs) {
      credentials.putAll(pairs);
      return this;
    }

    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Where the one-line-per-request log goes (nowhere by default). */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Loads the recordings and starts the server.
     *
     * @throws LoadException naming every recording that could not be read
     * @throws IOException when the address cannot be listened on
     */
    public ReplaySession start() throws LoadException, IOException {
      ResponseValidator e = engine == null ? ResponseValidator.fromSpec() : engine;
      SpecOperation body = bodyOperation != null ? bodyOperation : e.defaultOperation().orElse(null);
      RecordingLoader.Result loaded = new RecordingLoader(e, body).load(recordings);
      if (!loaded.ok()) {
        throw new LoadException(loaded.problems());
      }
      Map<String, String> pairs = new LinkedHashMap<>(credentials);
      boolean throwaway = pairs.isEmpty();
      if (throwaway) {
        ThrowawayKey key = ThrowawayKey.generate();
        pairs.put(key.accessKeyId(), key.accessKeySecret());
      }
      ReplayServer server = ReplayServer.builder().host(host).port(port).credentials(pairs)
          .recordings(loaded.recordings()).log(log).start();
      return new ReplaySession(server, loaded, Map.copyOf(pairs), throwaway);
    }
  }
}
