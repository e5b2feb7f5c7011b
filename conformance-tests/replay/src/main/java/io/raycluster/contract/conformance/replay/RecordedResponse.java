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

  public RecordedResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    headers = headers.stream()
        .filter(h -> !HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT)))
        .map(h -> Map.entry(h.getKey(), h.getValue()))
        .toList();
  }

  /** A 200 with a JSON body, as a bare recording (a body saved from curl) is replayed. */
  public static RecordedResponse okJson(byte[] body) {
    return new RecordedResponse(
        200, List.of(Map.entry("Content-Type", "application/json;charset=utf-8")), body);
  }
}
