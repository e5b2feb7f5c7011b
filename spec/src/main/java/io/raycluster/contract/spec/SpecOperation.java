package io.raycluster.contract.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of the document, as every tool of the project needs it: how a request is
 * recognised (method and path template), how it is signed ({@code x-acs-action},
 * {@code x-acs-version}), what it takes (parameters, request body) and what it answers (the
 * declared responses and their JSON body schemas).
 *
 * @param operationId the operation's {@code operationId}
 * @param method the HTTP method, upper case
 * @param pathTemplate the path as the document writes it: {@code /api/v1/workspaces/{workspaceId}/...}
 * @param pointer the JSON pointer of the operation object in the document
 * @param action {@code x-acs-action}, or {@code null}
 * @param version {@code x-acs-version}, or {@code null}
 * @param product {@code x-acs-product}, or {@code null}
 * @param style {@code x-acs-style}, or {@code null}
 * @param parameters the path-level and operation-level parameters (operation-level win)
 * @param requestBodySchemaPointer the JSON pointer of the JSON request body schema, or {@code null}
 * @param requestBodyRequired whether a request body is required
 * @param responses the declared responses by key ({@code 200}, {@code 4XX}, {@code DEFAULT}), in
 *     the document's order
 */
public record SpecOperation(
    String operationId,
    String method,
    String pathTemplate,
    String pointer,
    String action,
    String version,
    String product,
    String style,
    List<SpecParameter> parameters,
    String requestBodySchemaPointer,
    boolean requestBodyRequired,
    Map<String, SpecResponse> responses) {

  public SpecOperation {
    parameters = List.copyOf(parameters);
    responses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(responses));
  }

  /**
   * The response the document declares for {@code status}: the exact status first, then its
   * range ({@code 4XX}), then {@code default}.
   */
  public Optional<SpecResponse> responseFor(int status) {
    for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "DEFAULT")) {
      SpecResponse r = responses.get(key);
      if (r != null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The JSON pointer of the body schema for {@code status}, when the document declares one. */
  public Optional<String> schemaPointerFor(int status) {
    return responseFor(status).map(SpecResponse::schemaPointer);
  }

  /** The declared response keys, as the document writes them, upper-cased. */
  public List<String> responseKeys() {
    return List.copyOf(responses.keySet());
  }

  /** Whether the operation answers {@code 200} with a JSON body. */
  public boolean hasJsonSuccessBody() {
    SpecResponse ok = responses.get("200");
    return ok != null && ok.hasJsonBody();
  }

  /** The names of the path template's variables, in order. */
  public List<String> pathVariableNames() {
    List<String> names = new ArrayList<>();
    for (String segment : pathTemplate.split("/", -1)) {
      if (isVariable(segment)) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }

  /**
   * Matches a raw (percent-encoded) request path against the path template: literal segments
   * must be equal and each {@code {name}} takes one non-empty segment. A single trailing slash is
   * ignored. Returns the variables by name, percent-decoded (a segment whose escapes are malformed
   * is kept as sent), or empty when the path is not this operation's.
   */
  public Optional<Map<String, String>> pathVariables(String rawPath) {
    if (rawPath == null) {
      return Optional.empty();
    }
    String path = rawPath.length() > 1 && rawPath.endsWith("/")
        ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    String[] template = pathTemplate.split("/", -1);
    String[] parts = path.split("/", -1);
    if (parts.length != template.length) {
      return Optional.empty();
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String t = template[i];
      if (isVariable(t)) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        vars.put(t.substring(1, t.length() - 1), decodeSegment(parts[i]));
      } else if (!t.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(vars);
  }

  /** Whether a request with this method and raw path is a call of this operation. */
  public boolean matches(String requestMethod, String rawPath) {
    return requestMethod != null && method.equals(requestMethod.trim().toUpperCase(Locale.ROOT))
        && pathVariables(rawPath).isPresent();
  }

  /** {@code getRayCluster (GET /api/v1/...)}. */
  public String describe() {
    return operationId + " (" + method + " " + pathTemplate + ")";
  }

  private static boolean isVariable(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /** Percent-decodes one path segment as UTF-8 ({@code +} stays {@code +}); malformed: as sent. */
  private static String decodeSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      // java.net.URI decodes a path's escapes as UTF-8 and leaves '+' alone, as a path needs;
      // a malformed escape (or a character a URI cannot hold) is a syntax error.
      return new URI("/" + raw).getPath().substring(1);
    } catch (URISyntaxException e) {
      return raw;
    }
  }
}
