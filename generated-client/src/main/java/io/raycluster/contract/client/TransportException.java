package io.raycluster.contract.client;

import io.raycluster.contract.client.auth.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * No response arrived: the connection failed, was reset, or a timeout expired. The cause is the
 * original {@link IOException}.
 */
public class TransportException extends RayClusterException {
  private static final long serialVersionUID = 1L;

  /**
   * @param redaction masks the cause's text in the message: it may quote the server (an
   *     unexpected status line), and so a credential value it echoed
   */
  TransportException(String what, IOException cause, Redaction redaction) {
    super(what + (isTimeout(cause) ? " timed out: " : " failed: ") + redaction.maskText(String.valueOf(cause), "***"),
        cause);
  }

  @Override
  public int httpStatus() {
    return 0;
  }

  @Override
  public String requestId() {
    return null;
  }

  /** Whether a connect, read, write or whole-call timeout expired. */
  public boolean isTimeout() {
    return isTimeout(getCause());
  }

  private static boolean isTimeout(Throwable cause) {
    // SocketTimeoutException (connect/read) extends InterruptedIOException; OkHttp's call
    // timeout is an InterruptedIOException with the message "timeout".
    return cause instanceof InterruptedIOException;
  }
}
