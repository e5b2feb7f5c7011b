package io.raycluster.contract.conformance;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The raw (still percent-encoded) path and query of a request URL, as recorded in a HAR entry or
 * a pact: what the spec's path templates are matched against.
 *
 * @param rawPath the path, {@code ""} when the URL has none
 * @param rawQuery the query without {@code ?}, or {@code null} when there is none
 */
public record RequestTarget(String rawPath, String rawQuery) {
  /** The path and query of an absolute URL or of a path ({@code /a/b?c=d}). */
  public static RequestTarget of(String url) {
    String s = url.trim();
    try {
      URI uri = new URI(s);
      return new RequestTarget(uri.getRawPath() == null ? "" : uri.getRawPath(), uri.getRawQuery());
    } catch (URISyntaxException e) {
      // Not a strict URI (HAR files from some tools keep unencoded characters): cut by hand.
      int scheme = s.indexOf("://");
      if (scheme >= 0) {
        int slash = s.indexOf('/', scheme + 3);
        int query = s.indexOf('?', scheme + 3);
        s = slash >= 0 && (query < 0 || slash < query) ? s.substring(slash) : query >= 0 ? s.substring(query) : "";
      }
      int hash = s.indexOf('#');
      if (hash >= 0) {
        s = s.substring(0, hash);
      }
      int q = s.indexOf('?');
      return q < 0 ? new RequestTarget(s, null) : new RequestTarget(s.substring(0, q), s.substring(q + 1));
    }
  }
}
