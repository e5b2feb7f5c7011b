package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the replay server knows: exchanges recorded for one workspace and cluster (from HAR
 * files, replayed with their own status and headers) and bare success bodies (saved from curl),
 * which answer for their {@code clusterId} in any workspace. An exact exchange wins over a bare
 * body. Several exchanges recorded for the same cluster (a HAR of someone polling a starting
 * cluster) are replayed in the order they were added, the last one repeating, so a poller sees
 * the cluster move as it did. Thread-safe; recordings can be added while the server runs.
 */
public final class ReplayRecordings {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Sequence> exchanges = new ConcurrentHashMap<>();
  private final Map<String, RecordedResponse> bodies = new ConcurrentHashMap<>();

  /**
   * Adds a bare success body, keyed by its {@code clusterId}.
   *
   * @throws IllegalArgumentException when the body is not a JSON object with a string clusterId
   */
  public ReplayRecordings addBody(byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not readable: " + e.getMessage(), e);
    }
    JsonNode id = tree == null ? null : tree.get("clusterId");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      throw new IllegalArgumentException(
          "a bare recording must be a JSON object with a string \"clusterId\" to be served by");
    }
    RecordedResponse ok = RecordedResponse.okJson(json);
    JsonNode requestId = tree.get("requestId");
    if (requestId != null && requestId.isTextual()) {
      // The gateway repeats the body's request id in a header; clients read either.
      List<Map.Entry<String, String>> headers = new ArrayList<>(ok.headers());
      headers.add(Map.entry(ResponseHeaders.REQUEST_ID, requestId.asText()));
      ok = new RecordedResponse(200, headers, json);
    }
    bodies.put(id.asText(), ok);
    return this;
  }

  /** Adds an exchange for one workspace and cluster (IDs as the service sees them, decoded). */
  public ReplayRecordings addExchange(String workspaceId, String clusterId, RecordedResponse response) {
    exchanges.computeIfAbsent(key(workspaceId, clusterId), k -> new Sequence()).add(response);
    return this;
  }

  /**
   * Adds an exchange keyed by the recorded request path, which must be the operation's path
   * ({@code /api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}}, percent-encoded).
   */
  public ReplayRecordings addExchange(String rawPath, RecordedResponse response) {
    Map<String, String> ids = ReplayServer.operation().pathVariables(rawPath).orElse(null);
    if (ids == null) {
      throw new IllegalArgumentException(
          "the path " + rawPath + " is not the operation's path " + ReplayServer.operation().pathTemplate());
    }
    return addExchange(ids.get("workspaceId"), ids.get("clusterId"), response);
  }

  Optional<RecordedResponse> find(String workspaceId, String clusterId) {
    Sequence exact = exchanges.get(key(workspaceId, clusterId));
    return Optional.ofNullable(exact != null ? exact.next() : bodies.get(clusterId));
  }

  /** How many clusters can be answered for (by exchange or by bare body). */
  public int size() {
    return exchanges.size() + bodies.size();
  }

  /** The responses recorded for one cluster, served in order; the last one repeats. */
  private static final class Sequence {
    private final java.util.List<RecordedResponse> responses = new java.util.ArrayList<>();
    private int next;

    synchronized void add(RecordedResponse response) {
      responses.add(response);
    }

    synchronized RecordedResponse next() {
      RecordedResponse r = responses.get(Math.min(next, responses.size() - 1));
      if (next < responses.size()) {
        next++;
      }
      return r;
    }
  }

  private static String key(String workspaceId, String clusterId) {
    return workspaceId + '\u0000' + clusterId;
  }
}
