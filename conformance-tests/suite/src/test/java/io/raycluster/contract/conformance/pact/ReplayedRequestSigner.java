package io.raycluster.contract.conformance.pact;

import io.raycluster.contract.client.SigningInterceptor;
import io.raycluster.contract.client.ApiOperation;
import io.raycluster.contract.client.credentials.CredentialsProvider;
import io.raycluster.contract.conformance.RequestTarget;
import io.raycluster.contract.spec.ApiSpec;
import java.io.IOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Signs a request that Pact's provider verifier is about to replay, with the client's own
 * {@link SigningInterceptor}: the pact carries only placeholder values for the signing headers
 * (a stale date, a fixed nonce, a dummy signature), and the service, like the replay server,
 * refuses those. The request is copied into an OkHttp request, signed as the spec operation its
 * method and path belong to, and the signed header set copied back.
 */
final class ReplayedRequestSigner {
  private final SigningInterceptor signer;

  ReplayedRequestSigner(CredentialsProvider credentials) {
    this.signer = SigningInterceptor.of(credentials);
  }

  /** Replaces the request's headers with the signed set for {@code baseUrl} (scheme, host, port). */
  void sign(HttpRequest request, String baseUrl) throws IOException {
    String target = request.getRequestUri();
    ApiSpec.Match match = ApiSpec.bundled().match(request.getMethod(), RequestTarget.of(target).rawPath())
        .orElseThrow(() -> new IllegalStateException("The pact's request " + request.getMethod() + " " + target
            + " is no operation of the spec, so it cannot be signed as one"));
    ApiOperation op = ApiOperation.byId(match.operation().operationId());
    URI base = URI.create(baseUrl);
    HttpUrl url = HttpUrl.get(base.getScheme() + "://" + base.getRawAuthority() + target);

    Request.Builder okRequest = new Request.Builder().url(url);
    for (Header h : request.getHeaders()) {
      okRequest.addHeader(h.getName(), h.getValue());
    }
    RequestBody body = null;
    if (request instanceof ClassicHttpRequest classic && classic.getEntity() != null) {
      HttpEntity entity = classic.getEntity();
      byte[] bytes = entity.getContent().readAllBytes();
      body = RequestBody.create(bytes,
          entity.getContentType() == null ? null : MediaType.get(entity.getContentType()));
    }
    okRequest.method(request.getMethod(), body);

    Request signed = signer.sign(okRequest.build(), op);
    if (!signed.url().encodedPath().equals(url.encodedPath())) {
      // The signature covers the canonical path; the verifier would send the pact's one.
      throw new IllegalStateException("The pact's path " + url.encodedPath()
          + " is not in canonical form (" + signed.url().encodedPath() + ")");
    }
    for (Header h : request.getHeaders()) {
      request.removeHeaders(h.getName());
    }
    for (kotlin.Pair<? extends String, ? extends String> h : signed.headers()) {
      request.addHeader(h.getFirst(), h.getSecond());
    }
  }
}
