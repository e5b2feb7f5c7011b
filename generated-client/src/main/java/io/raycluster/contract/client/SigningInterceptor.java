package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.AcsAuthorization;
import io.raycluster.contract.client.auth.AcsEncoding;
import io.raycluster.contract.client.auth.AcsSignatures;
import io.raycluster.contract.client.auth.CanonicalRequest;
import io.raycluster.contract.client.credentials.Credentials;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Signs each request with ACS3-HMAC-SHA256. The action and version are the spec's
 * {@code x-acs-action} and {@code x-acs-version} of the operation whose {@code operationId} is
 * the name of the Retrofit interface method (read from the request's {@link Invocation} tag),
 * generated at build time into {@link ApiOperation#all()}.
 *
 * <p>Each time it runs it takes a fresh date and a fresh nonce, so install it inside the retry
 * loop (as {@link RayClusterClient.Builder#credentials} does) and every attempt is signed anew.
 * It rewrites the path so that each segment is RFC 3986 encoded ({@code *} as {@code %2A}, which
 * Retrofit leaves raw), and signs exactly the path that goes on the wire.
 */
public final class SigningInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(SigningInterceptor.class);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final CredentialsProvider credentials;
  private final List<ApiOperation> operations;
  private final Clock clock;
  private final Supplier<String> nonces;
  private final Consumer<Credentials> signedWith;

  private SigningInterceptor(Builder b) {
    this.credentials = Objects.requireNonNull(b.credentials, "credentials");
    this.operations = b.operations == null ? ApiOperation.all() : b.operations;
    this.clock = b.clock;
    this.nonces = b.nonces;
    this.signedWith = b.signedWith;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A signer with the system clock and a {@link SecureRandom} nonce. */
  public static SigningInterceptor of(CredentialsProvider credentials) {
    return builder().credentials(credentials).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request signed;
    try {
      signed = sign(chain.request());
    } catch (RuntimeException e) {
      // An IOException reaches the caller of both execute() and enqueue(); RayClusterClient
      // unwraps it back into the original exception.
      throw new SigningException(e);
    }
    return chain.proceed(signed);
  }

  /**
   * Returns {@code request} signed: headers added, path canonicalized. The operation is the one
   * named by the request's Retrofit {@link Invocation} tag.
   */
  public Request sign(Request request) throws IOException {
    return sign(request, operationOf(request));
  }

  /**
   * Returns {@code request} signed as a call of {@code op}: for requests that were not built by
   * the generated Retrofit interface, such as requests replayed from a Pact file or sent by a
   * test harness. The request's own {@code Authorization}, {@code host} and signed {@code x-acs-*}
   * values are replaced; its method, path, query and body are signed as they are.
   */
  public Request sign(Request request, ApiOperation op) throws IOException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(op, "operation");
    if (op.action() == null || op.version() == null) {
      throw new IllegalArgumentException("Cannot sign as " + op + ": the spec gives it no "
          + (op.action() == null ? "x-acs-action" : "x-acs-version"));
    }
    Credentials creds = credentials.resolveCredentials();
    // Before any header holds them: whatever the server answers is masked with these values.
    signedWith.accept(creds);

    HttpUrl url = request.url();
    String canonicalPath = AcsEncoding.canonicalPath(url.encodedPath());
    if (!canonicalPath.equals(url.encodedPath())) {
      url = url.newBuilder().encodedPath(canonicalPath).build();
      if (!url.encodedPath().equals(canonicalPath)) {
        throw new IllegalStateException("OkHttp changed the canonical path " + canonicalPath + " to "
            + url.encodedPath() + "; the signature would not match");
      }
    }

    RequestBody body = request.body();
    byte[] bodyBytes = new byte[0];
    if (body != null) {
      if (body.isOneShot()) {
        throw new IllegalStateException("Cannot sign a one-shot request body: it would be consumed by hashing");
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      bodyBytes = buffer.readByteArray();
    }
    String payloadHash = bodyBytes.length == 0 ? AcsSignatures.EMPTY_PAYLOAD_HASH : AcsSignatures.sha256Hex(bodyBytes);

    Request.Builder b = request.newBuilder().url(url)
        .removeHeader("Authorization")
        .header("host", hostHeader(url))
        .header("x-acs-action", op.action())
        .header("x-acs-version", op.version())
        .header("x-acs-date", DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
        .header("x-acs-signature-nonce", nonces.get())
        .header("x-acs-content-sha256", payloadHash);
    if (body != null) {
      MediaType type = body.contentType();
      if (type != null && request.header("Content-Type") == null) {
        // Set before signing; OkHttp would add it later, unsigned.
        b.header("Content-Type", type.toString());
      }
    }
    if (creds.isSts()) {
      b.header("x-acs-security-token", creds.securityToken())
          .header("x-acs-accesskey-id", creds.accessKeyId());
    } else {
      b.removeHeader("x-acs-security-token").removeHeader("x-acs-accesskey-id");
    }
    Request unsigned = b.build();

    CanonicalRequest.Builder canonical = CanonicalRequest.builder()
        .method(unsigned.method())
        .encodedPath(url.encodedPath())
        .encodedQuery(url.encodedQuery())
        .hashedPayload(payloadHash);
    okhttp3.Headers headers = unsigned.headers();
    for (int i = 0; i < headers.size(); i++) {
      canonical.addHeader(headers.name(i), headers.value(i));
    }
    AcsAuthorization authorization = canonical.build()
        .authorization(creds.accessKeyId(), creds.accessKeySecret());
    if (LOG.isDebugEnabled()) {
      LOG.debug("Signed {} {} as {} {} with {} ({})", unsigned.method(), url.encodedPath(), op.action(),
          op.version(), creds, authorization);
    }
    return unsigned.newBuilder().header("Authorization", authorization.headerValue()).build();
  }

  private ApiOperation operationOf(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation == null) {
      throw new IllegalStateException("Cannot sign " + request.method() + " " + request.url().encodedPath()
          + ": the request has no retrofit2.Invocation tag, so the spec operation (and its x-acs-action and "
          + "x-acs-version) is unknown. Build requests through the generated Retrofit interface.");
    }
    return ApiOperation.find(operations, invocation.method().getName());
  }

  private static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  /** 16 random bytes from {@link SecureRandom}, as 32 hex characters. */
  static Supplier<String> secureRandomNonces() {
    SecureRandom random = new SecureRandom();
    return () -> {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      return java.util.HexFormat.of().formatHex(bytes);
    };
  }

  /** A failure to sign (no credentials, unknown operation), carried through OkHttp as an IOException. */
  static final class SigningException extends IOException {
    private static final long serialVersionUID = 1L;

    SigningException(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }

    RuntimeException unwrap() {
      return (RuntimeException) getCause();
    }
  }

  /** Builds a {@link SigningInterceptor}; only the credentials are required. */
  public static final class Builder {
    private CredentialsProvider credentials;
    private List<ApiOperation> operations;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> nonces = secureRandomNonces();
    private Consumer<Credentials> signedWith = c -> { };

    private Builder() {}

    /** Told the credentials of each signature before the request goes out (the client's masks). */
    Builder signedWith(Consumer<Credentials> listener) {
      this.signedWith = Objects.requireNonNull(listener, "signedWith");
      return this;
    }

    public Builder credentials(CredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The operations to sign with, found by the generated Retrofit method's name; default
     * {@link ApiOperation#all()}, the spec's (generated at build time).
     */
    public Builder operations(List<ApiOperation> operations) {
      this.operations = List.copyOf(operations);
      return this;
    }

    /** The clock for {@code x-acs-date} (tests fix it). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of {@code x-acs-signature-nonce}; must never repeat a value. */
    public Builder nonces(Supplier<String> nonces) {
      this.nonces = Objects.requireNonNull(nonces, "nonces");
      return this;
    }

    public SigningInterceptor build() {
      return new SigningInterceptor(this);
    }
  }
}
