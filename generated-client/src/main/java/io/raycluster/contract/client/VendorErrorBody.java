package io.raycluster.contract.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.raycluster.contract.client.generated.ApiContract;
import io.raycluster.contract.client.auth.Redaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of the vendor's error body: {@code Code}, {@code Message}, {@code RequestId},
 * {@code HostId}, {@code Recommend} and {@code AccessDeniedDetail}, each in either casing (the
 * vendor's SDKs read both), and what the code means ({@link Kind}). The client's exceptions, its
 * retries, the command-line tool and the replay server all read error bodies here; nothing else
 * parses one.
 *
 * <p>What a code means comes from the spec's {@code x-error-codes} (generated into
 * {@link ApiContract}): throttling first, then a rejected signature or credential, then a missing
 * resource; a {@code 404} with any other code is a missing resource too.
 */
public final class VendorErrorBody implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** What an error says about the call. */
  public enum Kind {
    /** The caller is throttled ({@code Throttling}, {@code Throttling.User}, ...): retry later. */
    THROTTLING,
    /** The signature, the AccessKey, the date, the nonce or the STS token was refused. */
    AUTHENTICATION,
    /** The resource (workspace, cluster) does not exist. */
    NOT_FOUND,
    /** Any other error. */
    OTHER
  }

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final List<Pattern> THROTTLING = patterns(ApiContract.THROTTLING_CODES);
  private static final List<Pattern> AUTHENTICATION = patterns(ApiContract.AUTHENTICATION_CODES);
  private static final List<Pattern> NOT_FOUND = patterns(ApiContract.NOT_FOUND_CODES);

  private final String code;
  private final String message;
  private final String requestId;
  private final String hostId;
  private final String recommend;
  /** Unmodifiable; a LinkedHashMap of plain JSON values inside, so it serializes. */
  @SuppressWarnings("serial")
  private final Map<String, Object> accessDeniedDetail;

  private VendorErrorBody(String code, String message, String requestId, String hostId,
      String recommend, Map<String, Object> accessDeniedDetail) {
    this.code = code;
    this.message = message;
    this.requestId = requestId;
    this.hostId = hostId;
    this.recommend = recommend;
    this.accessDeniedDetail = accessDeniedDetail;
  }

  /**
   * Reads an error body. Empty when the bytes are not a JSON object carrying a {@code Code} or a
   * {@code Message} (an HTML page from a proxy, plain text, broken JSON): that is not the vendor's
   * error format. Never throws for any input.
   */
  public static Optional<VendorErrorBody> parse(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    return of(tree);
  }

  /** Reads an error body already parsed; empty when it is not the vendor's error format. */
  public static Optional<VendorErrorBody> of(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return Optional.empty();
    }
    VendorErrorBody b = new VendorErrorBody(text(tree, "Code", "code"), text(tree, "Message", "message"),
        text(tree, "RequestId", "requestId"), text(tree, "HostId", "hostId"),
        text(tree, "Recommend", "recommend"), detail(tree));
    return b.code == null && b.message == null ? Optional.empty() : Optional.of(b);
  }

  /** What a code (and the HTTP status) means, by the spec's {@code x-error-codes}. */
  public static Kind classify(String code, int httpStatus) {
    String c = code == null ? "" : code;
    if (matches(THROTTLING, c)) {
      return Kind.THROTTLING;
    }
    if (matches(AUTHENTICATION, c)) {
      return Kind.AUTHENTICATION;
    }
    if (matches(NOT_FOUND, c) || httpStatus == 404) {
      return Kind.NOT_FOUND;
    }
    return Kind.OTHER;
  }

  /** What this error means when it came with {@code httpStatus}. */
  public Kind kind(int httpStatus) {
    return classify(code, httpStatus);
  }

  /** The error code, e.g. {@code SignatureDoesNotMatch}; {@code null} when the body has none. */
  public String code() {
    return code;
  }

  public String message() {
    return message;
  }

  public String requestId() {
    return requestId;
  }

  public String hostId() {
    return hostId;
  }

  public String recommend() {
    return recommend;
  }

  /**
   * What RAM denied ({@code AccessDeniedDetail}) as plain Java values (maps, lists, strings,
   * numbers, booleans and {@code null}s, as the JSON had them); empty when absent. Unmodifiable.
   */
  public Map<String, Object> accessDeniedDetail() {
    return accessDeniedDetail;
  }

  /** This body, with {@code fallback} as its request id when it has none (the gateway's header). */
  public VendorErrorBody withRequestIdFallback(String fallback) {
    return requestId != null || fallback == null ? this
        : new VendorErrorBody(code, message, fallback, hostId, recommend, accessDeniedDetail);
  }

  /**
   * This body with every text in it ({@code Code}, {@code Message}, {@code RequestId},
   * {@code HostId}, {@code Recommend}, and the keys and texts of {@code AccessDeniedDetail})
   * passed through {@code redaction.maskText(text, "***")}. With a client's
   * {@code RayClusterClient.redaction()} no credential value the client sent survives, whatever
   * the server echoed; the client's exceptions carry bodies masked so.
   */
  public VendorErrorBody masked(Redaction redaction) {
    Objects.requireNonNull(redaction, "redaction");
    return new VendorErrorBody(mask(redaction, code), mask(redaction, message), mask(redaction, requestId),
        mask(redaction, hostId), mask(redaction, recommend), maskDetail(redaction, accessDeniedDetail));
  }

  private static String mask(Redaction redaction, String text) {
    return text == null ? null : redaction.maskText(text, "***");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> maskDetail(Redaction redaction, Map<String, Object> detail) {
    if (detail.isEmpty()) {
      return detail;
    }
    return Collections.unmodifiableMap((Map<String, Object>) maskJson(redaction, detail));
  }

  /** Maps (keys too), lists and strings of a JSON value, masked; other values as they are. */
  private static Object maskJson(Redaction redaction, Object value) {
    if (value instanceof String text) {
      return mask(redaction, text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(mask(redaction, String.valueOf(k)), maskJson(redaction, v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(maskJson(redaction, v)));
      return out;
    }
    return value;
  }

  /** {@code Code: Message (HTTP 403, request id R, host H)}, secrets in the message masked. */
  public String describe(int httpStatus) {
    StringBuilder sb = new StringBuilder(code == null ? "(no code)" : code);
    if (message != null) {
      sb.append(": ").append(io.raycluster.contract.client.auth.Redaction.contract().maskText(message, "***"));
    }
    sb.append(" (HTTP ").append(httpStatus);
    if (requestId != null) {
      sb.append(", request id ").append(requestId);
    }
    if (hostId != null) {
      sb.append(", host ").append(hostId);
    }
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return (code == null ? "(no code)" : code) + (message == null ? ""
        : ": " + io.raycluster.contract.client.auth.Redaction.contract().maskText(message, "***"));
  }

  private static String text(JsonNode tree, String pascal, String camel) {
    for (String name : List.of(pascal, camel)) {
      JsonNode v = tree.get(name);
      if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
        return v.asText();
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(JsonNode tree) {
    for (String name : List.of("AccessDeniedDetail", "accessDeniedDetail")) {
      JsonNode v = tree.get(name);
      if (v != null && v.isObject() && !v.isEmpty()) {
        // LinkedHashMap keeps nulls and order (Map.copyOf would throw on a null value).
        return Collections.unmodifiableMap(MAPPER.convertValue(v, LinkedHashMap.class));
      }
    }
    return Map.of();
  }

  private static boolean matches(List<Pattern> patterns, String code) {
    for (Pattern p : patterns) {
      if (p.matcher(code).matches()) {
        return true;
      }
    }
    return false;
  }

  /** {@code Throttling.*}: {@code *} stands for any characters, everything else is literal. */
  private static List<Pattern> patterns(List<String> globs) {
    return globs.stream().map(g -> Pattern.compile(
        Pattern.quote(g).replace("*", "\\E.*\\Q"))).toList();
  }
}
