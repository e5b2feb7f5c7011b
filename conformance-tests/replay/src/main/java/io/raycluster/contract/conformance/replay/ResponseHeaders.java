package io.raycluster.contract.conformance.replay;

/** Response header names the vendor's gateway sends. */
final class ResponseHeaders {
  /** The request id, repeated from the body. */
  static final String REQUEST_ID = "x-acs-request-id";

  private ResponseHeaders() {}
}
