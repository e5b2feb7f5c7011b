package io.raycluster.contract.conformance.replay;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One response the replay server answers with: a status, the headers to send back and the body.
 * Headers that describe the original connection or encoding (length, transfer and content
 * encoding, connection) are dropped, since the body is replayed decoded.
 */
public record RecordedResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
  private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of(
      "content-length", "transfer-encoding", "connection", "content-encoding", "keep-alive", "date");

  /**
   * @throws IllegalArgumentException for a status outside 200 to 599, or a header that cannot be
   *     sent as it is (a name that is not an HTTP token, a value with CR, LF or another control
   *     character); {@link RecordingLoader} says which file and entry before it gets here
   */
  public RecordedResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("a replayed status must be from 200 to 599, got " + status);
    }
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey();
      if (name == null || name.isEmpty() || !name.chars().allMatch(RecordedResponse::isTokenChar)) {
        throw new IllegalArgumentException("not an HTTP header name: \"" + name + "\"");
      }
      if (h.getValue() == null || h.getValue().chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c > 0xff)) {
        throw new IllegalArgumentException("the value of header " + name
            + " has a control character (CR, LF, NUL) or a character outside ISO-8859-1");
      }
    }
    headers = headers.stream()
        .filter(h -> !HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT)))
        .map(h -> Map.entry(h.getKey(), h.getValue()))
        .toList();
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  /** A 200 with a JSON body, as a bare recording (a body saved from curl) is replayed. */
  public static RecordedResponse okJson(byte[] body) {
    return new RecordedResponse(
        200, List.of(Map.entry("Content-Type", "application/json;charset=utf-8")), body);
  }
}
