package io.raycluster.contract.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.client.generated.api.RayClusterApi;
import io.raycluster.contract.client.generated.model.RayCluster;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import io.raycluster.contract.client.credentials.CredentialsException;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.client.credentials.Environment;
import io.raycluster.contract.client.credentials.Regions;
import java.time.Clock;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Calls GetRayCluster through the generated Retrofit interface.
 *
 * <pre>{@code
 * RayClusterClient client = RayClusterClient.builder()
 *     .region("cn-hangzhou")
 *     .credentials(CredentialsProviders.defaultChain())
 *     .build();
 * RayCluster cluster = client.getRayCluster("w-d2d82aa09155", "ray-k7nm8ahl5te4tg91");
 * }</pre>
 *
 * <p>With {@link Builder#credentials} every attempt is signed (ACS3-HMAC-SHA256) and failed
 * attempts are retried ({@link RetryPolicy#defaults()} unless {@link Builder#retryPolicy} says
 * otherwise). Without credentials the client sends unsigned requests and does not retry unless
 * given a retry policy: that is how tests and the local replay server are called.
 *
 * <p>The generated interface builds each request (path, method, parameter encoding); this class
 * executes it with OkHttp and reads the response itself, so that every outcome, including an
 * empty or malformed body, becomes a model or one {@link RayClusterException} with the HTTP
 * status and request id. Instances are thread-safe; share one per endpoint.
 */
public final class RayClusterClient implements AutoCloseable {
  /** Connect timeout used when the builder sets none. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Read timeout used when the builder sets none. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** Whole-call timeout used when the builder sets none. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  /**
   * Largest response body read when the builder sets none, 8 MiB (decoded bytes); the documented
   * body is about 2 KiB.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 8L * 1024 * 1024;

  private final HttpUrl endpoint;
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final long maxResponseBytes;
  private final RayClusterApi api;
  private final ResponseHandler<RayCluster> clusterHandler;
  /** The credential values this client has signed with; {@link #redaction} masks them. */
  private final SentCredentials sent = new SentCredentials();
  private final Redaction redaction = Redaction.contract().withSecretValues(sent);

  private RayClusterClient(Builder builder, HttpUrl endpoint) {
    this.endpoint = endpoint;
    this.ownsHttpClient = builder.httpClient == null;
    this.maxResponseBytes = builder.maxResponseBytes;
    OkHttpClient.Builder http =
        builder.httpClient == null ? new OkHttpClient.Builder() : builder.httpClient.newBuilder();
    if (builder.httpClient == null || builder.connectTimeout != null) {
      http.connectTimeout(orDefault(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT));
    }
    if (builder.httpClient == null || builder.readTimeout != null) {
      http.readTimeout(orDefault(builder.readTimeout, DEFAULT_READ_TIMEOUT));
    }
    if (builder.httpClient == null || builder.callTimeout != null) {
      http.callTimeout(orDefault(builder.callTimeout, DEFAULT_CALL_TIMEOUT));
    }
    // A signed request goes to the endpoint and nowhere else: a redirect would carry the signed
    // headers (the STS token, the AccessKey id, on the same host the Authorization too) to
    // wherever the Location points. The vendor's SDKs do not follow redirects either; a 3xx is
    // reported as an UnexpectedResponseException. Also on a caller's OkHttpClient (a copy).
    http.followRedirects(false).followSslRedirects(false);
    RetryPolicy retry = builder.retryPolicy != null ? builder.retryPolicy
        : builder.credentials != null ? RetryPolicy.defaults() : RetryPolicy.none();
    // Order matters: retries outermost, then the caller's interceptors, then signing, so that
    // each attempt is signed with a fresh date and nonce after every change to the request.
    http.interceptors().add(0, new RetryInterceptor(retry, redaction));
    builder.interceptors.forEach(http::addInterceptor);
    if (builder.credentials != null) {
      SigningInterceptor.Builder signer = SigningInterceptor.builder().credentials(builder.credentials)
          .signedWith(sent::add);
      if (builder.clock != null) {
        signer.clock(builder.clock);
      }
      if (builder.nonces != null) {
        signer.nonces(builder.nonces);
      }
      http.addInterceptor(signer.build());
    }
    // Innermost: every attempt's body is bounded (decoded bytes), for getRayCluster, the retry
    // loop's peek and callers of httpClient() alike.
    http.addInterceptor(new ResponseLimitInterceptor(builder.maxResponseBytes));
    builder.networkInterceptors.forEach(http::addNetworkInterceptor);
    this.httpClient = http.build();

    ObjectMapper mapper = builder.mapper == null ? RayClusterJson.newMapper() : builder.mapper;
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(withTrailingSlash(endpoint))
        .client(httpClient)
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .build();
    this.api = retrofit.create(RayClusterApi.class);
    this.clusterHandler = new ResponseHandler<>(mapper, RayCluster.class, builder.maxResponseBytes, redaction);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The endpoint the client calls. */
  public HttpUrl endpoint() {
    return endpoint;
  }

  /**
   * The OkHttp client in use (with the builder's timeouts and interceptors). It never follows
   * redirects: a 3xx comes back as the response it is. Reading a body past
   * {@link #maxResponseBytes()} throws {@link ResponseTooLargeException}.
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /** The largest response body this client reads, in (decoded) bytes. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * What this client masks in the messages it builds from what a server said, for callers that
   * print or record responses themselves (through {@link #httpClient()}): the spec's secret marks
   * ({@link Redaction#contract()}) and every credential value (AccessKey id, AccessKey secret,
   * STS token) this client has signed a request with. Live: values signed with after this call
   * are masked too. Use {@code redaction().maskText(text, "***")} on any text, or hand it to a
   * recorder.
   */
  public Redaction redaction() {
    return redaction;
  }

  /**
   * {@code base} (for example another spec's {@link Redaction#of}) plus, live, every credential
   * value this client has signed with, as {@link #redaction()} masks them.
   */
  public Redaction redaction(Redaction base) {
    return Objects.requireNonNull(base, "base").withSecretValues(sent);
  }

  /**
   * Reads one Ray cluster.
   *
   * @throws VendorErrorException the service answered with its error format (see subclasses)
   * @throws UnexpectedResponseException the response is not a usable answer
   * @throws TransportException no response arrived
   * @throws CredentialsException the client signs requests and has no usable credentials
   * @throws IllegalStateException the request cannot be signed (its operation is not in the spec)
   */
  public RayCluster getRayCluster(String workspaceId, String clusterId) {
    Request request = getRayClusterRequest(workspaceId, clusterId);
    try (Response response = httpClient.newCall(request).execute()) {
      return clusterHandler.handle(response);
    } catch (SigningInterceptor.SigningException e) {
      throw e.unwrap();
    } catch (IOException e) {
      throw new TransportException(describe(request), e, redaction);
    }
  }

  /**
   * Reads one Ray cluster without blocking. The future fails with the same exceptions as
   * {@link #getRayCluster}; cancelling it cancels the HTTP call.
   */
  public CompletableFuture<RayCluster> getRayClusterAsync(String workspaceId, String clusterId) {
    Request request = getRayClusterRequest(workspaceId, clusterId);
    CompletableFuture<RayCluster> future = new CompletableFuture<>();
    Call call = httpClient.newCall(request);
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        future.completeExceptionally(e instanceof SigningInterceptor.SigningException
            ? ((SigningInterceptor.SigningException) e).unwrap() : new TransportException(describe(request), e, redaction));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          future.complete(clusterHandler.handle(response));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    future.whenComplete((value, error) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    return future;
  }

  /**
   * The HTTP request {@link #getRayCluster} sends, as the generated interface builds it (before
   * interceptors such as signing run). It carries Retrofit's {@code Invocation} tag, which names
   * the interface method and so the spec operation.
   */
  public Request getRayClusterRequest(String workspaceId, String clusterId) {
    requireId("workspaceId", workspaceId);
    requireId("clusterId", clusterId);
    return api.getRayCluster(workspaceId, clusterId).request();
  }

  /** Releases the connection pool and threads, when the client created its own OkHttpClient. */
  @Override
  public void close() {
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  private static void requireId(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must be a non-empty string, got "
          + (value == null ? "null" : "\"\""));
    }
  }

  private static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private static HttpUrl withTrailingSlash(HttpUrl url) {
    String path = url.encodedPath();
    return path.endsWith("/") ? url : url.newBuilder().encodedPath(path + "/").build();
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value == null ? fallback : value;
  }

  /**
   * Builds a {@link RayClusterClient}. An endpoint or a region is required; with credentials
   * and neither, the region is read from {@code ALIBABA_CLOUD_REGION_ID}, then the CLI profile's
   * {@code region_id}.
   */
  public static final class Builder {
    private HttpUrl endpoint;
    private String region;
    private boolean vpc;
    private boolean allowUnknownRegion;
    private CredentialsProvider credentials;
    private RetryPolicy retryPolicy;
    private Clock clock;
    private Supplier<String> nonces;
    private Environment environment;
    private OkHttpClient httpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private ObjectMapper mapper;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private final List<Interceptor> interceptors = new ArrayList<>();
    private final List<Interceptor> networkInterceptors = new ArrayList<>();

    private Builder() {}

    /** The service's base URL, for example {@code https://emr-serverless-spark.cn-hangzhou.aliyuncs.com}. */
    public Builder endpoint(String url) {
      Objects.requireNonNull(url, "endpoint");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new IllegalArgumentException(
            "endpoint must be an http:// or https:// URL, got \"" + url + "\"");
      }
      return endpoint(parsed);
    }

    public Builder endpoint(HttpUrl url) {
      this.endpoint = Objects.requireNonNull(url, "endpoint");
      return this;
    }

    /**
     * The region whose public endpoint to call ({@code https://emr-serverless-spark.<region>.aliyuncs.com}).
     * A region without a known endpoint fails at {@link #build()} with the list of known ones,
     * unless {@link #allowUnknownRegion()} is set.
     */
    public Builder region(String regionId) {
      this.region = Objects.requireNonNull(regionId, "region");
      return this;
    }

    /** Call the region's VPC endpoint ({@code emr-serverless-spark-vpc.<region>.aliyuncs.com}). */
    public Builder vpcEndpoint() {
      this.vpc = true;
      return this;
    }

    /** Accept a region the spec does not list, using the vendor's endpoint naming pattern. */
    public Builder allowUnknownRegion() {
      this.allowUnknownRegion = true;
      return this;
    }

    /**
     * Sign every request with these credentials and retry failed attempts (see
     * {@link #retryPolicy}). Usually {@code CredentialsProviders.defaultChain()}.
     */
    public Builder credentials(CredentialsProvider provider) {
      this.credentials = Objects.requireNonNull(provider, "credentials");
      return this;
    }

    /** When to retry; default {@link RetryPolicy#defaults()} with credentials, else no retry. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /** The clock that dates signatures (tests only; default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of signature nonces (tests only; default 16 {@code SecureRandom} bytes in hex). */
    public Builder nonces(Supplier<String> nonces) {
      this.nonces = Objects.requireNonNull(nonces, "nonces");
      return this;
    }

    /** Where the region is looked up when none is set (tests only; default the process environment). */
    public Builder environment(Environment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * An OkHttp client to build on (its pool, dispatcher, proxy and interceptors are kept). Its
     * timeouts are kept too unless this builder sets them; redirects are always turned off (on
     * the copy this client makes; {@code client} itself is not changed). The client does not
     * close it.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "okHttpClient");
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /** Bound on the whole call: connecting, writing, the server's time and reading the body. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /** An application interceptor, run once per call before the network (signing goes here). */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** A network interceptor, run for each request that goes on the wire. */
    public Builder addNetworkInterceptor(Interceptor interceptor) {
      networkInterceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** A mapper to use instead of {@link RayClusterJson#newMapper()}. */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "objectMapper");
      return this;
    }

    /**
     * Largest response body read, in bytes after gzip decoding; default
     * {@link #DEFAULT_MAX_RESPONSE_BYTES} (8 MiB). Reading stops one byte past it, however the
     * body is sent (no length, endless chunks, a gzip bomb): {@link #getRayCluster} fails with an
     * {@link UnexpectedResponseException} "response larger than N bytes", and reading a body of
     * {@link #httpClient()} throws {@link ResponseTooLargeException}. Every retried attempt is
     * bounded alike. {@code Long.MAX_VALUE} means no limit.
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive, got " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    public RayClusterClient build() {
      if (endpoint != null && region != null) {
        throw new IllegalStateException("set endpoint(...) or region(...), not both");
      }
      HttpUrl url = endpoint;
      if (url == null) {
        String regionId = region;
        Environment env = environment == null ? Environment.system() : environment;
        if (regionId == null && credentials != null) {
          regionId = Regions.configuredRegion(env);
        }
        if (regionId == null) {
          throw new IllegalStateException("endpoint is required: call region(\"cn-hangzhou\") or endpoint(url), "
              + "for example https://emr-serverless-spark.cn-hangzhou.aliyuncs.com"
              + (credentials == null ? "" : "; no region was found in " + Regions.describeWhere(env)));
        }
        try {
          url = Endpoints.forRegion(regionId, vpc, allowUnknownRegion);
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
      return new RayClusterClient(this, url);
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
