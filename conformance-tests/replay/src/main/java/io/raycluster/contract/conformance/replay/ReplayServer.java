package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.raycluster.contract.client.VendorErrorBody;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local stand-in for the service: it routes each request to an operation of the spec by method
 * and path, checks its ACS3-HMAC-SHA256 signature (body included, through
 * {@code x-acs-content-sha256}) as the vendor's gateway does, and answers from recordings, with
 * the vendor's error format for everything it refuses. The spec is the recordings' spec
 * ({@link ReplayRecordings#spec()}); by default the bundled one.
 *
 * <pre>{@code
 * try (ReplayServer server = ReplayServer.builder()
 *     .credential("test-key-id", "test-key-secret")
 *     .recordings(new ReplayRecordings().addBody(json))
 *     .start()) {
 *   String baseUrl = server.baseUrl();   // http://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>The JDK's built-in HTTP server is used on purpose: it gives the raw request path and every
 * value of a repeated header, which signature checking needs, without another dependency.
 */
public final class ReplayServer implements AutoCloseable {
  /** The gateway refuses a date further than this from its clock, and remembers nonces this long. */
  public static final Duration TIME_WINDOW = Duration.ofMinutes(15);
  static final int MAX_REQUEST_BODY = 64 * 1024;
  /**
   * The code for a call without a recording when the operation documents no {@code 404} example
   * (otherwise the example's code is used: {@code RayCluster.NotFound} for GetRayCluster).
   */
  public static final String NOT_FOUND = "NotFound";
  /** The code for a method and path that are no operation's (and a wrong x-acs-action). */
  public static final String NO_SUCH_API = "InvalidAction.NotFound";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService executor;
  private final RequestVerifier verifier;
  private final ReplayRecordings recordings;
  private final Consumer<String> log;
  private final Clock clock;
  /** The product the spec's operations belong to ({@code x-acs-product}), for error bodies; may be null. */
  private final String product;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closing;

  private ReplayServer(Builder b) throws IOException {
    this.recordings = b.recordings;
    this.product = product(b.recordings.spec());
    this.log = b.log;
    this.clock = b.clock;
    this.verifier = new RequestVerifier(Map.copyOf(b.credentials), b.clock,
        new NonceCache(TIME_WINDOW.multipliedBy(2), b.maxNonces), TIME_WINDOW);
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(b.host), b.port), 128);
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(b.threads, b.threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "replay-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
    http.setExecutor(executor);
    http.createContext("/", this::handle);
    http.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The base URL to point a client at, for example {@code http://127.0.0.1:43121}. */
  public String baseUrl() {
    InetSocketAddress a = http.getAddress();
    String host = a.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** The recordings served; more can be added while the server runs. */
  public ReplayRecordings recordings() {
    return recordings;
  }

  /**
   * Lets the requests in flight finish (for up to two seconds), then closes every connection and
   * frees the port. Idempotent.
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // stop(0): idle keep-alive connections would otherwise hold stop() for its whole delay.
    http.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    try {
      handleCounted(exchange);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void handleCounted(HttpExchange exchange) {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    Answer answer;
    try {
      WireRequest request = new WireRequest(method, rawPath,
          exchange.getRequestURI().getRawQuery(), lowerCased(exchange.getRequestHeaders()),
          readBody(exchange.getRequestBody()));
      answer = answer(request);
    } catch (BodyTooLargeException e) {
      answer = error(new Rejection(413, "InvalidParameter",
          "The request body is larger than " + MAX_REQUEST_BODY + " bytes."), exchange.getRequestHeaders().getFirst("Host"));
    } catch (IOException | RuntimeException e) {
      answer = error(new Rejection(500, "InternalError",
          "The replay server failed to handle the request: " + e.getClass().getSimpleName()),
          exchange.getRequestHeaders().getFirst("Host"));
    }
    try {
      send(exchange, answer);
    } catch (IOException e) {
      // The client went away; nothing to answer.
    } finally {
      exchange.close();
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      log.accept(String.format(Locale.ROOT, "%s %s %s %d %s %dms",
          clock.instant(), method, rawPath, answer.status, answer.code == null ? "-" : answer.code, ms));
    }
  }

  private Answer answer(WireRequest request) {
    Optional<ApiSpec.Match> match = recordings.spec().match(request.method(), request.rawPath());
    if (match.isEmpty()) {
      return error(new Rejection(404, NO_SUCH_API,
          "No API matches " + request.method() + " " + request.rawPath() + "."), request.header("host"));
    }
    SpecOperation op = match.get().operation();
    Rejection rejection = verifier.verify(request, op);
    if (rejection != null) {
      return error(rejection, request.header("host"));
    }
    return recordings.find(match.get(), request.rawQuery())
        .map(Answer::recorded)
        .orElseGet(() -> error(notFound(op, request, recordings.queriesOf(match.get())), request.header("host")));
  }

  /** The operation's documented 404 (its example's code and message), for a call without a recording. */
  private static Rejection notFound(SpecOperation op, WireRequest request, List<String> recordedQueries) {
    Optional<VendorErrorBody> documented = op.responses().containsKey("404")
        ? Optional.ofNullable(op.responses().get("404").example()).flatMap(VendorErrorBody::of)
        : Optional.empty();
    String code = documented.map(VendorErrorBody::code).orElse(NOT_FOUND);
    String message = documented.map(VendorErrorBody::message).orElse("The resource does not exist.");
    return new Rejection(404, code, message + " (The replay server has no recording for "
        + request.method() + " " + request.rawPath()
        + (request.rawQuery() == null ? "" : "?" + request.rawQuery())
        + (recordedQueries.isEmpty() ? "" : "; it has this path with the queries " + recordedQueries) + ".)");
  }

  /** The one product of the spec's operations, or null when they name none or several. */
  private static String product(ApiSpec spec) {
    List<String> products = spec.operations().stream().map(SpecOperation::product)
        .filter(Objects::nonNull).distinct().toList();
    return products.size() == 1 ? products.get(0) : null;
  }

  /** The vendor's error format, as the gateway answers. */
  private Answer error(Rejection rejection, String host) {
    return Answer.error(rejection, host != null ? host : product == null ? "replay.local" : product + ".replay.local",
        product);
  }

  private static Map<String, List<String>> lowerCased(Headers headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((name, values) ->
        out.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
    return out;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_REQUEST_BODY + 1);
    if (body.length > MAX_REQUEST_BODY) {
      throw new BodyTooLargeException();
    }
    return body;
  }

  private static void send(HttpExchange exchange, Answer answer) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    for (Map.Entry<String, String> h : answer.headers) {
      headers.add(h.getKey(), h.getValue());
    }
    byte[] body = answer.body;
    exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** What the server sends back, with the code it logs. */
  private static final class Answer {
    final int status;
    final String code;
    final List<Map.Entry<String, String>> headers;
    final byte[] body;

    private Answer(int status, String code, List<Map.Entry<String, String>> headers, byte[] body) {
      this.status = status;
      this.code = code;
      this.headers = headers;
      this.body = body;
    }

    static Answer recorded(RecordedResponse r) {
      return new Answer(r.status(), ReplayRecordings.codeOf(r), r.headers(), r.body());
    }

    static Answer error(Rejection rejection, String host, String product) {
      String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
      ObjectNode body = MAPPER.createObjectNode()
          .put("RequestId", requestId)
          .put("HostId", host)
          .put("Code", rejection.code())
          .put("Message", rejection.message())
          .put("Recommend", "https://api.alibabacloud.com/troubleshoot?q=" + rejection.code()
              + (product == null ? "" : "&product=" + product));
      byte[] bytes;
      try {
        bytes = MAPPER.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Answer(rejection.status(), rejection.code(), List.of(
          Map.entry("Content-Type", "application/json;charset=utf-8"),
          Map.entry(ResponseHeaders.REQUEST_ID, requestId)), bytes);
    }
  }

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Configures and starts a {@link ReplayServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private ReplayRecordings recordings = new ReplayRecordings();
    private Clock clock = Clock.systemUTC();
    private Consumer<String> log = line -> { };
    private int threads = 16;
    private int maxNonces = 1_000_000;

    private Builder() {}

    /** The address to listen on; loopback ({@code 127.0.0.1}) by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** Accepts requests signed with this AccessKey pair. */
    public Builder credential(String accessKeyId, String accessKeySecret) {
      credentials.put(Objects.requireNonNull(accessKeyId, "accessKeyId"),
          Objects.requireNonNull(accessKeySecret, "accessKeySecret"));
      return this;
    }

    /** Accepts requests signed with any of these pairs (AccessKey id to secret). */
    public Builder credentials(Map<String, String> pairs) {
      pairs.forEach(this::credential);
      return this;
    }

    public Builder recordings(ReplayRecordings recordings) {
      this.recordings = Objects.requireNonNull(recordings, "recordings");
      return this;
    }

    /** The clock that request dates are checked against (tests pin it). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where the one-line-per-request log goes (nowhere by default). */
    public Builder log(Consumer<String> log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** Logs one line per request to {@code out}. */
    public Builder log(PrintStream out) {
      return log(line -> out.println(line));
    }

    /** Threads that handle requests at once. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The most nonces remembered at once; past it, requests are refused with 503. */
    public Builder maxNonces(int maxNonces) {
      this.maxNonces = maxNonces;
      return this;
    }

    public ReplayServer start() throws IOException {
      if (credentials.isEmpty()) {
        throw new IllegalStateException("at least one credential (AccessKey id and secret) is required");
      }
      List<String> unsigned = recordings.spec().operations().stream()
          .filter(o -> o.action() == null || o.version() == null).map(SpecOperation::operationId).toList();
      if (!unsigned.isEmpty()) {
        throw new IllegalStateException("the replay server checks each request's x-acs-action and x-acs-version "
            + "against the spec, and these operations of " + recordings.spec().source() + " have none: " + unsigned);
      }
      return new ReplayServer(this);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
