package io.raycluster.contract.client;

/**
 * Base of every failure the client reports. Subclasses say what went wrong: the service answered
 * with its error format ({@link VendorErrorException} and its subclasses), it answered with
 * something that is not a usable response ({@link UnexpectedResponseException}), or no answer
 * arrived ({@link TransportException}).
 */
public abstract class RayClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RayClusterException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The HTTP status of the response, or {@code 0} when no response arrived. */
  public abstract int httpStatus();

  /** The request id the service gave, or {@code null} when it gave none. */
  public abstract String requestId();
}
