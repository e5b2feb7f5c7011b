package io.raycluster.contract.client;

import okhttp3.Headers;

/**
 * The workspace or the cluster does not exist (HTTP 404, or a code ending in {@code .NotFound}
 * other than an unknown AccessKey, which is an {@link AuthenticationException}).
 */
public class NotFoundException extends VendorErrorException {
  private static final long serialVersionUID = 1L;

  NotFoundException(int httpStatus, VendorErrorBody body, Headers headers) {
    super(httpStatus, body, headers);
  }
}
