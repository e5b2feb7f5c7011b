package io.raycluster.contract.client;

import okhttp3.Headers;

/**
 * The workspace or the cluster does not exist: a code the spec's {@code x-error-codes} lists as
 * a missing resource, or HTTP 404 with a code that is not a throttling or authentication code
 * (an unknown AccessKey is an {@link AuthenticationException}).
 */
public class NotFoundException extends VendorErrorException {
  private static final long serialVersionUID = 1L;

  NotFoundException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(httpStatus, body, headers);
  }
}
