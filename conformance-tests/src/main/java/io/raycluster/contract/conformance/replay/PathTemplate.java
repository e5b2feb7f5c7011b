package io.raycluster.contract.conformance.replay;

import io.raycluster.contract.client.auth.AcsEncoding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OpenAPI path template ({@code /api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}})
 * matched against raw request paths: literal segments must be equal, each {@code {name}}
 * segment captures one non-empty segment, percent-decoded.
 */
final class PathTemplate {
  private final String template;
  private final String[] segments;

  PathTemplate(String template) {
    this.template = template;
    this.segments = template.split("/", -1);
  }

  /** The variables by name, in template order, or {@code null} when the path does not match. */
  Map<String, String> match(String rawPath) {
    if (rawPath == null) {
      return null;
    }
    String[] parts = rawPath.split("/", -1);
    if (parts.length != segments.length) {
      return null;
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String s = segments[i];
      if (s.startsWith("{") && s.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        try {
          vars.put(s.substring(1, s.length() - 1), AcsEncoding.decode(parts[i]));
        } catch (IllegalArgumentException e) {
          return null;
        }
      } else if (!s.equals(parts[i])) {
        return null;
      }
    }
    return vars;
  }

  /** The names of the template's variables, in order. */
  List<String> variables() {
    List<String> names = new ArrayList<>();
    for (String s : segments) {
      if (s.startsWith("{") && s.endsWith("}")) {
        names.add(s.substring(1, s.length() - 1));
      }
    }
    return names;
  }

  @Override
  public String toString() {
    return template;
  }
}
