package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One operation of the spec as the engine needs it: the operation as the client reads it
 * ({@link SpecOperation}: method, path template and the matching of concrete paths) and, per declared response status ({@code 200}, {@code 4XX},
 * {@code default}, ...), the JSON pointer of the body schema inside the spec document.
 */
public final class OperationSpec {
  private final SpecOperation operation;
  private final Map<String, String> schemaPointers;

  private OperationSpec(SpecOperation operation, Map<String, String> schemaPointers) {
    this.operation = operation;
    this.schemaPointers = Map.copyOf(schemaPointers);
  }

  /**
   * Reads the operation with {@code operationId} from an OpenAPI 3.0 document. The operation is
   * found by the spec's reader ({@link ApiSpec}); this adds the body
   * schema of each declared response.
   */
  static OperationSpec read(JsonNode document, String operationId) {
    SpecOperation found = ApiSpec.parse(document.toString(), "spec").operation(operationId).orElse(null);
    if (found == null) {
      throw new IllegalStateException("The spec has no operation '" + operationId + "'");
    }
    String method = found.method().toLowerCase(Locale.ROOT);
    String base = "/paths/" + escape(found.pathTemplate()) + "/" + method;
    Map<String, String> pointers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> r : document.at(base).path("responses").properties()) {
      String at = base + "/responses/" + escape(r.getKey());
      JsonNode response = r.getValue();
      if (response.has("$ref")) {
        at = response.get("$ref").asText().substring(1);
        response = document.at(at);
      }
      JsonNode schema = response.path("content").path("application/json").path("schema");
      if (schema.isMissingNode()) {
        continue;
      }
      String schemaAt = at + "/content/application~1json/schema";
      if (schema.has("$ref") && schema.size() == 1) {
        schemaAt = schema.get("$ref").asText().substring(1);
      }
      pointers.put(r.getKey().toUpperCase(Locale.ROOT), schemaAt);
    }
    return new OperationSpec(found, pointers);
  }

  public String operationId() {
    return operation.operationId();
  }

  /** Upper-case HTTP method, e.g. {@code GET}. */
  public String method() {
    return operation.method();
  }

  public String pathTemplate() {
    return operation.pathTemplate();
  }

  /** Response keys as written in the spec ({@code 200}, {@code 4XX}, ...) to schema pointers. */
  public Map<String, String> schemaPointers() {
    return schemaPointers;
  }

  /**
   * The JSON pointer (into the spec document) of the body schema for {@code status}: the exact
   * status first, then its range ({@code 4XX}), then {@code default}; empty when the spec
   * declares no JSON body for it.
   */
  public Optional<String> schemaPointerFor(int status) {
    String exact = Integer.toString(status);
    String range = (status / 100) + "XX";
    for (String key : List.of(exact, range, "DEFAULT")) {
      String pointer = schemaPointers.get(key);
      if (pointer != null) {
        return Optional.of(pointer);
      }
    }
    return Optional.empty();
  }

  /** Whether a request with this method and URL (absolute or just a path) is this operation. */
  public boolean matches(String requestMethod, String url) {
    if (requestMethod == null || url == null || !method().equalsIgnoreCase(requestMethod.trim())) {
      return false;
    }
    String path = pathOf(url);
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return operation.pathVariables(path).isPresent();
  }

  /** The raw (still percent-encoded) path of an absolute URL or of a path. */
  public static String pathOf(String url) {
    String path;
    try {
      URI uri = new URI(url.trim());
      path = uri.getRawPath();
      if (path == null) {
        path = "";
      }
    } catch (Exception e) {
      // Not a strict URI (HAR files from some tools keep unencoded characters): cut by hand.
      String s = url.trim();
      int scheme = s.indexOf("://");
      if (scheme >= 0) {
        int slash = s.indexOf('/', scheme + 3);
        s = slash < 0 ? "" : s.substring(slash);
      }
      int end = s.length();
      for (char c : new char[] {'?', '#'}) {
        int i = s.indexOf(c);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      path = s.substring(0, end);
    }
    return path;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** Every path parameter name of the template, in order. */
  public List<String> pathParameters() {
    List<String> names = new ArrayList<>();
    java.util.regex.Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pathTemplate());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
