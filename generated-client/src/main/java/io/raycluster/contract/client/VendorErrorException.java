package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.Redaction;
import java.util.Map;
import okhttp3.Headers;

/**
 * The service answered with the vendor's error body ({@code Code}, {@code Message},
 * {@code RequestId}, {@code HostId}, {@code Recommend}, {@code AccessDeniedDetail}), read by
 * {@link VendorErrorBody}. Which subclass is thrown depends on what the code means
 * ({@link VendorErrorBody.Kind}, from the spec's {@code x-error-codes}):
 * {@link ThrottlingException}, {@link AuthenticationException}, {@link NotFoundException}, or
 * this class for every other code.
 */
public class VendorErrorException extends RayClusterException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final VendorErrorBody body;
  private final transient Headers headers;

  VendorErrorException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(body.describe(httpStatus), null);
    this.httpStatus = httpStatus;
    this.body = body;
    this.headers = headers;
  }

  /** The most specific exception for what the body's code (and the status) means. */
  static VendorErrorException of(int httpStatus, VendorErrorBody body, Headers headers) {
    return switch (body.kind(httpStatus)) {
      case THROTTLING -> new ThrottlingException(httpStatus, body, headers);
      case AUTHENTICATION -> new AuthenticationException(httpStatus, body, headers);
      case NOT_FOUND -> new NotFoundException(httpStatus, body, headers);
      case OTHER -> new VendorErrorException(httpStatus, body, headers);
    };
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The error body, read by {@link VendorErrorBody}; from the client, every text in it masked
   * ({@link VendorErrorBody#masked}: the spec's secrets and the credential values it sent).
   */
  public VendorErrorBody body() {
    return body;
  }

  /** The vendor's error code, for example {@code SignatureDoesNotMatch}; may be {@code null}. */
  public String code() {
    return body.code();
  }

  /**
   * The vendor's message, without the code and status that {@link #getMessage()} adds, secret
   * query values masked (the message may echo a URL); {@link #body()} has it as sent.
   */
  public String errorMessage() {
    return Redaction.contract().maskText(body.message(), "***");
  }

  @Override
  public String requestId() {
    return body.requestId();
  }

  /** The host that answered, as the body's {@code HostId} names it; may be {@code null}. */
  public String hostId() {
    return body.hostId();
  }

  /** The vendor's troubleshooting link; may be {@code null}. */
  public String recommend() {
    return body.recommend();
  }

  /**
   * What RAM denied, when the body carries {@code AccessDeniedDetail}: any JSON it held, as maps,
   * lists and plain values ({@code null}s kept); else an empty map.
   */
  public Map<String, Object> accessDeniedDetail() {
    return body.accessDeniedDetail();
  }

  /**
   * The response headers (for example the rate-limit headers) as received, NOT masked: pass
   * any value you print through the client's {@code redaction()}. Empty after deserialization.
   */
  public Headers headers() {
    return headers == null ? Headers.of() : headers;
  }
}
