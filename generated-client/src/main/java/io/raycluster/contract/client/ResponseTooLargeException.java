package io.raycluster.contract.client;

import java.io.IOException;

/**
 * A response body ran past the client's {@code maxResponseBytes}
 * ({@link RayClusterClient.Builder#maxResponseBytes}); reading stopped there. Thrown while the
 * body of a response from {@link RayClusterClient#httpClient()} is read (an {@link IOException},
 * as OkHttp's readers throw), so a caller reading raw responses never buffers more than the
 * limit. {@link RayClusterClient#getRayCluster} reports it as an
 * {@link UnexpectedResponseException} with this as its cause. The limit counts the bytes the
 * caller would get, after OkHttp has decoded a gzip body.
 */
public final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  ResponseTooLargeException(long limit) {
    super("response larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The limit that was passed, in bytes. */
  public long limit() {
    return limit;
  }
}
