package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.VendorErrorBody;
import io.raycluster.contract.client.auth.CanonicalRequest;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the replay server knows, for any operation of its spec:
 *
 * <ul>
 *   <li><b>Exchanges</b> recorded for one call (from HAR files): a method, a path and a query,
 *       replayed with their own status, headers and body. An exchange answers a request of the
 *       same operation with the same path values and the same query parameters (in any order and
 *       any percent-encoding); one recorded without a query answers the requests whose query was
 *       not recorded. A query that was recorded for none is not found (so a client paging
 *       through results is never answered with another page). Several exchanges recorded
 *       for one call (a HAR of someone polling a starting cluster) are replayed in the order they
 *       were added, the last one repeating, so a poller sees the resource move as it did.
 *   <li><b>Bare bodies</b> (saved from curl), taken as {@code 200} answers of one operation (the
 *       spec's only GET with a JSON response, unless told otherwise). A body answers every
 *       request whose path values agree with the ones it carries as top-level strings (a
 *       GetRayCluster body carries {@code clusterId}, so it answers for that cluster in any
 *       workspace). An exchange wins over a bare body; of two bodies for the same values, the
 *       later one is served.
 * </ul>
 *
 * Thread-safe; recordings can be added while the server runs.
 */
public final class ReplayRecordings {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ApiSpec spec;
  /** (operation, path values) to the exchanges recorded per canonical query, in recording order. */
  private final Map<String, Map<String, Sequence>> exchanges = new ConcurrentHashMap<>();
  private final List<Body> bodies = new CopyOnWriteArrayList<>();

  /** Recordings of the bundled spec's operations. */
  public ReplayRecordings() {
    this(ApiSpec.bundled());
  }

  /** Recordings of {@code spec}'s operations. */
  public ReplayRecordings(ApiSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The spec whose operations these recordings answer. */
  public ApiSpec spec() {
    return spec;
  }

  /**
   * Adds a bare {@code 200} body of the spec's only GET operation with a JSON response.
   *
   * @throws IllegalArgumentException when the spec has no such single operation, or the body does
   *     not say which requests it answers (see {@link #addBody(SpecOperation, byte[])})
   */
  public ReplayRecordings addBody(byte[] json) {
    SpecOperation op = spec.soleJsonGetOperation().orElseThrow(() -> new IllegalArgumentException(
        "a bare JSON body answers the spec's only GET operation with a JSON response, and " + spec.source()
            + " does not have exactly one; record the exchange as a HAR entry instead"));
    return addBody(op, json);
  }

  /**
   * Adds a bare {@code 200} body of {@code op}.
   *
   * @throws IllegalArgumentException when the body is not a JSON object carrying at least one of
   *     the operation's path variables as a non-empty string
   */
  public ReplayRecordings addBody(SpecOperation op, byte[] json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not readable: " + e.getMessage(), e);
    }
    Map<String, String> key = new LinkedHashMap<>();
    for (String name : op.pathVariableNames()) {
      JsonNode v = tree == null ? null : tree.get(name);
      if (v != null && v.isTextual() && !v.asText().isEmpty()) {
        key.put(name, v.asText());
      }
    }
    if (key.isEmpty()) {
      throw new IllegalArgumentException("a bare recording answers the requests of " + op.operationId()
          + " whose path values it carries, so it must be a JSON object with at least one of "
          + op.pathVariableNames() + " as a non-empty string");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>(RecordedResponse.okJson(json).headers());
    JsonNode requestId = tree.get("requestId");
    if (requestId != null && requestId.isTextual()) {
      // The gateway repeats the body's request id in a header; clients read either.
      headers.add(Map.entry(ResponseHeaders.REQUEST_ID, requestId.asText()));
    }
    bodies.add(new Body(op.operationId(), Map.copyOf(key), new RecordedResponse(200, headers, json)));
    return this;
  }

  /**
   * Adds an exchange recorded for {@code method} and {@code rawPath} (percent-encoded, as sent)
   * with {@code rawQuery} (or {@code null}).
   *
   * @throws IllegalArgumentException when no operation of the spec has that method and path
   */
  public ReplayRecordings addExchange(String method, String rawPath, String rawQuery, RecordedResponse response) {
    ApiSpec.Match match = spec.match(method, rawPath).orElseThrow(() -> new IllegalArgumentException(
        method + " " + rawPath + " is not an operation of the spec " + spec.source()));
    exchanges.computeIfAbsent(callKey(match), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(canonicalQuery(rawQuery), k -> new Sequence())
        .add(response);
    return this;
  }

  /** The response for a request recognised as {@code match}, with {@code rawQuery}. */
  Optional<RecordedResponse> find(ApiSpec.Match match, String rawQuery) {
    Map<String, Sequence> byQuery = exchanges.get(callKey(match));
    if (byQuery != null) {
      Sequence chosen = byQuery.getOrDefault(canonicalQuery(rawQuery), byQuery.get(""));
      if (chosen != null) {
        return Optional.of(chosen.next());
      }
    }
    String id = match.operation().operationId();
    for (int i = bodies.size() - 1; i >= 0; i--) {
      Body b = bodies.get(i);
      if (b.operationId.equals(id) && b.key.entrySet().stream()
          .allMatch(e -> e.getValue().equals(match.pathVariables().get(e.getKey())))) {
        return Optional.of(b.response);
      }
    }
    return Optional.empty();
  }

  /** The queries recorded for a call's path (canonical, sorted), for saying what is there. */
  List<String> queriesOf(ApiSpec.Match match) {
    Map<String, Sequence> byQuery = exchanges.get(callKey(match));
    return byQuery == null ? List.of()
        : byQuery.keySet().stream().filter(q -> !q.isEmpty()).sorted().toList();
  }

  /** How many calls can be answered for (by exchange or by bare body). */
  public int size() {
    return exchanges.size() + bodies.size();
  }

  /** The error code a recorded error body carries (for the log), or {@code null}. */
  static String codeOf(RecordedResponse r) {
    return r.status() >= 400 ? VendorErrorBody.parse(r.body()).map(VendorErrorBody::code).orElse(null) : null;
  }

  private static String callKey(ApiSpec.Match match) {
    StringBuilder key = new StringBuilder(match.operation().operationId());
    match.pathVariables().forEach((k, v) -> key.append('\u0000').append(k).append('=').append(v));
    return key.toString();
  }

  /**
   * The query's parameters in one spelling and a fixed order (the signature's canonical query), so
   * that their order and percent-encoding on the wire do not matter. A query that is not valid
   * percent-encoding is kept as it is: it can still match the same text.
   */
  private static String canonicalQuery(String rawQuery) {
    try {
      return CanonicalRequest.canonicalQuery(rawQuery);
    } catch (IllegalArgumentException malformed) {
      return rawQuery;
    }
  }

  private record Body(String operationId, Map<String, String> key, RecordedResponse response) {}

  /** The responses recorded for one call, served in order; the last one repeats. */
  private static final class Sequence {
    private final List<RecordedResponse> responses = new ArrayList<>();
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
}
