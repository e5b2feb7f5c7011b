package io.raycluster.contract.client;

import io.raycluster.contract.client.generated.model.VendorError;
import java.util.Map;
import okhttp3.Headers;

/**
 * The service answered with the vendor's error body ({@code Code}, {@code Message},
 * {@code RequestId}, {@code HostId}, {@code Recommend}). Which subclass is thrown depends on the
 * code: {@link ThrottlingException}, {@link AuthenticationException}, {@link NotFoundException},
 * or this class for every other code.
 */
public class VendorErrorException extends RayClusterException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String code;
  private final String errorMessage;
  private final String requestId;
  private final String hostId;
  private final String recommend;
  private final transient Map<String, Object> accessDeniedDetail;
  private final transient Headers headers;

  VendorErrorException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(describe(httpStatus, body), null);
    this.httpStatus = httpStatus;
    this.code = body.code();
    this.errorMessage = body.message();
    this.requestId = body.requestId();
    this.hostId = body.hostId();
    this.recommend = body.recommend();
    this.accessDeniedDetail = body.accessDeniedDetail();
    this.headers = headers;
  }

  /**
   * Turns a parsed vendor error body into the most specific exception for its code and status.
   */
  static VendorErrorException of(int httpStatus, VendorErrorBody body, Headers headers) {
    String code = body.code() == null ? "" : body.code();
    if (ThrottlingException.isThrottlingCode(code)) {
      return new ThrottlingException(httpStatus, body, headers);
    }
    if (AuthenticationException.isAuthenticationCode(code)) {
      return new AuthenticationException(httpStatus, body, headers);
    }
    if (httpStatus == 404 || code.endsWith(".NotFound") || code.startsWith("NotFound")) {
      return new NotFoundException(httpStatus, body, headers);
    }
    return new VendorErrorException(httpStatus, body, headers);
  }

  private static String describe(int status, VendorErrorBody body) {
    StringBuilder sb = new StringBuilder();
    sb.append(body.code() == null ? "(no code)" : body.code());
    if (body.message() != null) {
      sb.append(": ").append(body.message());
    }
    sb.append(" (HTTP ").append(status);
    if (body.requestId() != null) {
      sb.append(", request id ").append(body.requestId());
    }
    if (body.hostId() != null) {
      sb.append(", host ").append(body.hostId());
    }
    sb.append(')');
    return sb.toString();
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  /** The vendor's error code, for example {@code SignatureDoesNotMatch}; may be {@code null}. */
  public String code() {
    return code;
  }

  /** The vendor's message, without the code and status that {@link #getMessage()} adds. */
  public String errorMessage() {
    return errorMessage;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  /** The host that answered, as the body's {@code HostId} names it; may be {@code null}. */
  public String hostId() {
    return hostId;
  }

  /** The vendor's troubleshooting link; may be {@code null}. */
  public String recommend() {
    return recommend;
  }

  /** What RAM denied, when the body carries {@code AccessDeniedDetail}; else an empty map. */
  public Map<String, Object> accessDeniedDetail() {
    return accessDeniedDetail == null ? Map.of() : accessDeniedDetail;
  }

  /** The response headers (for example the rate-limit headers); empty after deserialization. */
  public Headers headers() {
    return headers == null ? Headers.of() : headers;
  }

  /** The body's fields, read from the generated model in whichever casing the service used. */
  static final class VendorErrorBody {
    private final VendorError raw;

    VendorErrorBody(VendorError raw) {
      this.raw = raw;
    }

    String code() {
      return first(raw.getPascalCode(), raw.getCode());
    }

    String message() {
      return first(raw.getPascalMessage(), raw.getMessage());
    }

    String requestId() {
      return first(raw.getPascalRequestId(), raw.getRequestId());
    }

    String hostId() {
      return first(raw.getPascalHostId(), raw.getHostId());
    }

    String recommend() {
      return first(raw.getPascalRecommend(), raw.getRecommend());
    }

    Map<String, Object> accessDeniedDetail() {
      Map<String, Object> pascal = raw.getPascalAccessDeniedDetail();
      return pascal != null && !pascal.isEmpty() ? Map.copyOf(pascal)
          : raw.getAccessDeniedDetail() == null ? Map.of() : Map.copyOf(raw.getAccessDeniedDetail());
    }

    boolean looksLikeVendorError() {
      return code() != null || message() != null;
    }

    VendorErrorBody withRequestIdFallback(String headerRequestId) {
      if (requestId() == null && headerRequestId != null) {
        raw.setRequestId(headerRequestId);
      }
      return this;
    }

    private static String first(String a, String b) {
      return a != null && !a.isEmpty() ? a : b;
    }
  }
}
