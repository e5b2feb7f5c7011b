package io.raycluster.contract.client;

import okhttp3.Headers;

/**
 * The service throttled the call ({@code Throttling}, {@code Throttling.User},
 * {@code Throttling.Api}, ...: the spec's {@code x-error-codes}). The vendor sends these with
 * HTTP 400 as often as 429, so the code decides, not the status.
 */
public class ThrottlingException extends VendorErrorException {
  private static final long serialVersionUID = 1L;

  ThrottlingException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(httpStatus, body, headers);
  }
}
