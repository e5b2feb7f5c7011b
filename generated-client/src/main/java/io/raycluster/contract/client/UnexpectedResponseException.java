package io.raycluster.contract.client;

/**
 * A response arrived but cannot be used: an error page that is not the vendor's JSON (a proxy's
 * HTML page, an empty body), or a success status whose body is empty, not JSON, or not a Ray
 * cluster. The message carries the status and the start of the body, with secrets masked.
 */
public class UnexpectedResponseException extends RayClusterException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String contentType;
  private final String bodySnippet;
  private final String requestId;

  UnexpectedResponseException(
      String problem, int httpStatus, String contentType, String bodySnippet, String requestId,
      Throwable cause) {
    super(describe(problem, httpStatus, contentType, bodySnippet, requestId), cause);
    this.httpStatus = httpStatus;
    this.contentType = contentType;
    this.bodySnippet = bodySnippet;
    this.requestId = requestId;
  }

  private static String describe(
      String problem, int status, String contentType, String snippet, String requestId) {
    StringBuilder sb = new StringBuilder().append("HTTP ").append(status).append(": ").append(problem);
    if (contentType != null) {
      sb.append(" (Content-Type ").append(contentType).append(')');
    }
    if (requestId != null) {
      sb.append(", request id ").append(requestId);
    }
    sb.append(snippet.isEmpty() ? "; the body is empty" : "; body starts: " + snippet);
    return sb.toString();
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  /** The response's Content-Type, or {@code null} when it had none. */
  public String contentType() {
    return contentType;
  }

  /**
   * The start of the body, control characters escaped and secrets masked (the spec's and the
   * credential values the client sent).
   */
  public String bodySnippet() {
    return bodySnippet;
  }
}
