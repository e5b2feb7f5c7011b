package io.raycluster.contract.conformance.replay;

import java.util.List;
import java.util.Map;

/**
 * A request as it arrived on the wire: the method, the raw (still percent-encoded) path and
 * query, the headers with lower-cased names (each with every value it was sent with) and the body.
 */
record WireRequest(
    String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

  /** The single value of a header, or {@code null} when absent. Several values are joined by ','. */
  String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : String.join(",", values);
  }
}
