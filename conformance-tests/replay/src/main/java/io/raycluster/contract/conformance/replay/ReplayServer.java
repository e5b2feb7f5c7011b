package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.client.VendorErrorBody;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
 * <p>The HTTP layer is Jetty's (core API, no servlets): it parses requests without holding a
 * thread, so clients that send slowly or never read cannot starve the others, and it gives the
 * raw path and every value of a repeated header, which signature checking needs. The choice and
 * its measurement are in the module's README. Around it, {@link ConnectionGuard} closes
 * connections that do not deliver a request head in time, and the number of connections is
 * capped. Requests too large for the server get a status in the vendor's error format: a URL
 * too long 414, headers too large or too many 431, a body over 64 KiB 413, a malformed one 400.
 */
public final class ReplayServer implements AutoCloseable {
  /** The gateway refuses a date further than this from its clock, and remembers nonces this long. */
  public static final Duration TIME_WINDOW = Duration.ofMinutes(15);
  static final int MAX_REQUEST_BODY = 64 * 1024;
  /** The request line and headers together; a longer URL is answered 414, longer headers 431. */
  static final int MAX_REQUEST_HEAD = 16 * 1024;
  /** More header fields than this are answered 431 (the vendor's clients send about ten). */
  static final int MAX_HEADER_FIELDS = 100;
  /**
   * The code for a call without a recording when the operation documents no {@code 404} example
   * (otherwise the example's code is used: {@code RayCluster.NotFound} for GetRayCluster).
   */
  public static final String NOT_FOUND = "NotFound";
  /** The code for a method and path that are no operation's (and a wrong x-acs-action). */
  public static final String NO_SUCH_API = "InvalidAction.NotFound";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Server jetty;
  private final ServerConnector connector;
  private final ConnectionGuard guard;
  private final String host;
  private final boolean everyInterface;
  private final RequestVerifier verifier;
  private final ReplayRecordings recordings;
  private final Consumer<String> log;
  private final Clock clock;
  /** The product the spec's operations belong to ({@code x-acs-product}), for error bodies; may be null. */
  private final String product;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean closing = new AtomicBoolean();

  private ReplayServer(Builder b) throws IOException {
    this.recordings = b.recordings;
    this.product = product(b.recordings.spec());
    this.log = b.log;
    this.clock = b.clock;
    this.host = b.host;
    this.everyInterface = isWildcard(b.host);
    this.verifier = new RequestVerifier(Map.copyOf(b.credentials), b.clock,
        new NonceCache(TIME_WINDOW.multipliedBy(2), b.maxNonces, b.maxNonceBytes), TIME_WINDOW);

    QueuedThreadPool threads = new QueuedThreadPool(b.threads + 4, 2);
    threads.setName("replay");
    threads.setDaemon(true);
    this.jetty = new Server(threads);
    jetty.setStopTimeout(0);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(MAX_REQUEST_HEAD);
    // The path is never a file name here: it is matched, still encoded, against the spec's
    // templates (an id may hold an encoded '/'), so Jetty's ambiguity checks would only refuse
    // ids the vendor accepts.
    http.setUriCompliance(UriCompliance.UNSAFE);
    http.setHttpCompliance(HttpCompliance.RFC9110);
    http.setIdleTimeout(b.idleTimeout.toMillis());

    // One acceptor and one selector: the machines this runs on are small, and both are non-blocking.
    this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(b.host);
    connector.setPort(b.port);
    connector.setIdleTimeout(b.idleTimeout.toMillis());
    connector.setAcceptQueueSize(1024);
    this.guard = new ConnectionGuard(b.headerTimeout, b.requestTimeout);
    connector.addEventListener(guard);
    jetty.addConnector(connector);
    // Past the cap the server stops accepting until a connection closes (the guard and the idle
    // timeout see to that), instead of running out of file descriptors.
    jetty.addBean(new NetworkConnectionLimit(maxConnections(b.maxConnections), connector));
    jetty.setHandler(new ReplayHandler());
    jetty.setErrorHandler(new ProtocolErrorHandler());
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly();
      guard.close();
      if (e instanceof IOException) {
        throw (IOException) e;
      }
      throw new IOException(e.getMessage(), e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to point a client at, for example {@code http://127.0.0.1:43121}. A server
   * listening on every interface ({@code 0.0.0.0} or {@code ::}) gives its loopback URL, which
   * reaches it from this machine.
   */
  public String baseUrl() {
    String h = host;
    if (everyInterface) {
      h = h.contains(":") ? "::1" : "127.0.0.1";
    }
    return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port();
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Whether the server listens on every interface ({@code 0.0.0.0}, {@code ::}), not only one address. */
  public boolean listensOnEveryInterface() {
    return everyInterface;
  }

  private static boolean isWildcard(String host) {
    try {
      return InetAddress.getByName(host).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false; // start() fails on it anyway
    }
  }

  /** The recordings served; more can be added while the server runs. */
  public ReplayRecordings recordings() {
    return recordings;
  }

  /** Connections open right now (for tests and the soak run). */
  int openConnections() {
    return guard.openConnections();
  }

  /**
   * Lets the requests in flight finish (for up to two seconds), then closes every connection and
   * frees the port. Idempotent.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopQuietly();
    guard.close();
  }

  private void stopQuietly() {
    try {
      jetty.stop();
    } catch (Exception e) {
      // Stopping closes the sockets; there is nothing left to do about a failure.
    }
  }

  /** At most {@code wanted}, and at most what the process's file-descriptor limit leaves room for. */
  private static int maxConnections(int wanted) {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean) {
      long fds = ((com.sun.management.UnixOperatingSystemMXBean) os).getMaxFileDescriptorCount();
      // Keep room for the JVM's own files (jars, the recordings) and for the logs.
      long room = fds - 128;
      if (room > 0 && room < wanted) {
        return (int) Math.max(16, room);
      }
    }
    return wanted;
  }

  /** Handles every request that Jetty parsed: reads the body without blocking, answers, logs. */
  private final class ReplayHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      new Exchange(request, response, callback).start();
      return true;
    }
  }

  /** One request, from its head to the log line. */
  private final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final Connection connection;
    final long started = System.nanoTime();
    final String method;
    final String rawPath;
    final String rawQuery;
    private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

    Exchange(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.connection = request.getConnectionMetaData().getConnection();
      this.method = request.getMethod();
      this.rawPath = request.getHttpURI().getPath();
      this.rawQuery = request.getHttpURI().getQuery();
    }

    void start() {
      inFlight.incrementAndGet();
      guard.requestBegins(connection);
      int fields = 0;
      for (HttpField ignored : request.getHeaders()) {
        fields++;
      }
      if (fields > MAX_HEADER_FIELDS) {
        send(error(new Rejection(431, "RequestHeaderFieldsTooLarge",
            "The request has " + fields + " header fields; the most accepted is " + MAX_HEADER_FIELDS + "."), null));
        return;
      }
      if (request.getLength() > MAX_REQUEST_BODY) {
        send(tooLarge());
        return;
      }
      readBody();
    }

    /** Reads the body chunk by chunk as it arrives; no thread waits for a slow client. */
    private void readBody() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::readBody);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          send(unreadable(chunk.getFailure()));
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        boolean last = chunk.isLast();
        int n = bytes.remaining();
        if (body.size() + n > MAX_REQUEST_BODY) {
          chunk.release();
          send(tooLarge());
          return;
        }
        byte[] copy = new byte[n];
        bytes.get(copy);
        body.write(copy, 0, n);
        chunk.release();
        if (last) {
          send(answerSafely());
          return;
        }
      }
    }

    private Answer answerSafely() {
      try {
        WireRequest wire = new WireRequest(method, rawPath, rawQuery, lowerCased(request), body.toByteArray());
        return answer(wire);
      } catch (RuntimeException e) {
        return error(new Rejection(500, "InternalError",
            "The replay server failed to handle the request: " + e.getClass().getSimpleName()), host());
      }
    }

    private Answer tooLarge() {
      return error(new Rejection(413, "InvalidParameter",
          "The request body is larger than " + MAX_REQUEST_BODY + " bytes."), host());
    }

    /** A body that could not be read: malformed (400) or cut off by the client or the guard. */
    private Answer unreadable(Throwable failure) {
      HttpException http = failure == null ? null : HttpException.asHttpException(failure);
      if (http != null && http.getCode() >= 400 && http.getCode() < 500) {
        return error(new Rejection(400, "MalformedRequest",
            "The request body is malformed" + (http.getReason() == null ? "" : ": " + http.getReason()) + "."), host());
      }
      return error(new Rejection(408, "RequestTimeout", "The request body did not arrive in time."), host());
    }

    private String host() {
      return request.getHeaders().get(HttpHeader.HOST);
    }

    /** Whether the request's log line is written (once, before its answer). */
    private volatile boolean logged;

    private void send(Answer answer) {
      boolean noBody = HttpMethod.HEAD.is(method) || answer.status == 204 || answer.status == 304;
      try {
        response.setStatus(answer.status);
        for (Map.Entry<String, String> h : answer.headers) {
          response.getHeaders().add(h.getKey(), h.getValue());
        }
        if (!noBody) {
          response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body.length);
        }
        // Logged before the answer is written: a client that has its answer finds its line in
        // the log (a test reading the log right after a call must not race the server).
        logLine(method, rawPath, answer.status, answer.code, started);
        logged = true;
        response.write(true, noBody ? null : ByteBuffer.wrap(answer.body),
            Callback.from(() -> finish(answer, null), failure -> finish(answer, failure)));
      } catch (RuntimeException e) {
        finish(answer, e);
      }
    }

    private void finish(Answer answer, Throwable failure) {
      guard.requestEnds(connection);
      try {
        if (failure == null) {
          callback.succeeded();
        } else {
          callback.failed(failure);
        }
      } finally {
        inFlight.decrementAndGet();
        if (!logged) {
          logLine(method, rawPath, answer.status, answer.code, started);
        }
      }
    }
  }

  /**
   * Answers what Jetty refuses before a request reaches the handler (a malformed request line or
   * header, a URL or headers too long) in the vendor's error format, and logs it like any request.
   */
  private final class ProtocolErrorHandler implements Request.Handler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      long started = System.nanoTime();
      Object s = request.getAttribute(ErrorHandler.ERROR_STATUS);
      int status = s instanceof Integer ? (Integer) s : 500;
      Rejection rejection;
      switch (status) {
        case 414:
          rejection = new Rejection(414, "RequestURITooLong",
              "The request line is longer than " + MAX_REQUEST_HEAD + " bytes.");
          break;
        case 431:
          rejection = new Rejection(431, "RequestHeaderFieldsTooLarge",
              "The request headers are larger than " + MAX_REQUEST_HEAD + " bytes.");
          break;
        case 413:
          rejection = new Rejection(413, "InvalidParameter",
              "The request body is larger than " + MAX_REQUEST_BODY + " bytes.");
          break;
        default:
          rejection = status >= 400 && status < 500
              ? new Rejection(status, "MalformedRequest", "The request is not well-formed HTTP/1.1.")
              : new Rejection(500, "InternalError", "The replay server failed to handle the request.");
      }
      String method = request.getMethod();
      String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
      if ("BAD".equals(method) && "/badMessage".equals(path)) {
        // Jetty's stand-in for a request line it could not read: log "-" rather than invent one.
        method = null;
        path = null;
      }
      String loggedMethod = method;
      String loggedPath = path;
      Answer answer = error(rejection, null);
      response.setStatus(answer.status);
      for (Map.Entry<String, String> h : answer.headers) {
        response.getHeaders().put(h.getKey(), h.getValue());
      }
      boolean noBody = HttpMethod.HEAD.is(method);
      if (!noBody) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body.length);
      }
      logLine(loggedMethod, loggedPath, answer.status, answer.code, started);
      response.write(true, noBody ? null : ByteBuffer.wrap(answer.body), callback);
      return true;
    }
  }

  /** The one log line of a request: time, method, path, status, vendor code or "-", duration. */
  private void logLine(String method, String rawPath, int status, String code, long started) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    try {
      log.accept(String.format(Locale.ROOT, "%s %s %s %d %s %dms",
          clock.instant(), LogLine.safe(method, LogLine.MAX_METHOD), LogLine.safe(rawPath, LogLine.MAX_PATH),
          status, code == null ? "-" : LogLine.safe(code, LogLine.MAX_PATH), ms));
    } catch (RuntimeException e) {
      // A failing log must not fail the request.
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

  /** Every header line as received, names lower-cased, repeated names kept in order. */
  private static Map<String, List<String>> lowerCased(Request request) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (HttpField f : request.getHeaders()) {
      out.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(f.getValue() == null ? "" : f.getValue());
    }
    return out;
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

  /** Configures and starts a {@link ReplayServer}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private ReplayRecordings recordings = new ReplayRecordings();
    private Clock clock = Clock.systemUTC();
    private Consumer<String> log = line -> { };
    private int threads = 16;
    private int maxNonces = Integer.MAX_VALUE;
    private long maxNonceBytes = NonceCache.DEFAULT_MAX_BYTES;
    private Duration headerTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int maxConnections = 4096;

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

    /**
     * Threads that handle requests at once (16 by default). Reading requests and writing answers
     * holds no thread, so a slow client does not take one.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * The most nonces remembered at once (no limit by default; memory is bounded by
     * {@link #maxNonceBytes}); past it, requests are refused with 503.
     */
    public Builder maxNonces(int maxNonces) {
      if (maxNonces < 1) {
        throw new IllegalArgumentException("maxNonces must be at least 1, got " + maxNonces);
      }
      this.maxNonces = maxNonces;
      return this;
    }

    /**
     * The memory the nonces of the last 30 minutes may take, in bytes (an estimate of the heap
     * they occupy; 64 MiB by default, about 500,000 of the vendor's 32-digit nonces). Past it,
     * requests are refused with 503 until old nonces expire.
     */
    public Builder maxNonceBytes(long maxNonceBytes) {
      if (maxNonceBytes < 1024) {
        throw new IllegalArgumentException("maxNonceBytes must be at least 1024, got " + maxNonceBytes);
      }
      this.maxNonceBytes = maxNonceBytes;
      return this;
    }

    /**
     * How long a client may take to send a request's line and headers: from the connection's
     * opening, or from the first byte of the next request on a kept-alive connection (5 seconds by
     * default). A connection past it is closed.
     */
    public Builder headerTimeout(Duration timeout) {
      this.headerTimeout = positive("headerTimeout", timeout);
      return this;
    }

    /**
     * How long a request may take from its headers to the last byte of its answer: reading the
     * body and writing the answer to a client that reads slowly (10 seconds by default). A
     * connection past it is closed.
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /** How long a connection on which nothing moves stays open (30 seconds by default). */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = positive("idleTimeout", timeout);
      return this;
    }

    /**
     * The most connections open at once (4096 by default, fewer when the process may not open
     * that many files). Past it, new connections wait in the listen queue until one closes.
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
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
}
