package io.raycluster.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.raycluster.contract.spec.RayClusterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the spec records for signing and routing: each operation's {@code x-acs-action} and
 * {@code x-acs-version} by {@code operationId}, and the regions of the {@code servers} list. Read
 * once from the spec jar ({@link RayClusterSpec}); an operation added to the spec is found here
 * with no Java change.
 */
public final class SpecCatalog {
  private static final String[] METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

  private static volatile SpecCatalog bundled;

  private final Map<String, Operation> operations;
  private final Set<String> regions;

  private SpecCatalog(Map<String, Operation> operations, Set<String> regions) {
    this.operations = Map.copyOf(operations);
    this.regions = Set.copyOf(regions);
    this.sortedRegions = List.copyOf(regions);
  }

  private final List<String> sortedRegions;

  /** The catalog of the spec on the classpath, read on first use. */
  public static SpecCatalog bundled() {
    SpecCatalog c = bundled;
    if (c == null) {
      try (InputStream in = RayClusterSpec.open()) {
        c = read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RayClusterSpec.RESOURCE, e);
      }
      bundled = c;
    }
    return c;
  }

  /** Reads a catalog from an OpenAPI document (YAML or JSON). */
  public static SpecCatalog read(InputStream openApiDocument) throws IOException {
    return of(new ObjectMapper(new YAMLFactory()).readTree(openApiDocument));
  }

  /** A catalog of an OpenAPI document already parsed (the conformance engine reads it so). */
  public static SpecCatalog of(JsonNode root) {
    Map<String, Operation> ops = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null || !op.hasNonNull("operationId")) {
          continue;
        }
        String id = op.get("operationId").asText();
        ops.put(id, new Operation(id, method.toUpperCase(Locale.ROOT), path.getKey(),
            text(op, "x-acs-action"), text(op, "x-acs-version"), text(op, "x-acs-product"),
            text(op, "x-acs-style")));
      }
    }
    Set<String> regions = new LinkedHashSet<>();
    for (JsonNode server : root.path("servers")) {
      for (JsonNode r : server.path("variables").path("regionId").path("enum")) {
        regions.add(r.asText());
      }
    }
    return new SpecCatalog(ops, regions);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The operation with this {@code operationId}.
   *
   * @throws IllegalStateException naming the known operations when there is none, or when it
   *     lacks {@code x-acs-action} / {@code x-acs-version}
   */
  public Operation operation(String operationId) {
    Operation op = operations.get(operationId);
    if (op == null) {
      throw new IllegalStateException("The spec (" + RayClusterSpec.RESOURCE + ") has no operation with operationId \""
          + operationId + "\"; it has " + operations.keySet() + ". Regenerate the client from the same spec.");
    }
    if (op.action() == null || op.version() == null) {
      throw new IllegalStateException("Operation \"" + operationId + "\" in the spec has no "
          + (op.action() == null ? "x-acs-action" : "x-acs-version") + "; signing needs both");
    }
    return op;
  }

  /** All operations by operationId. */
  public Map<String, Operation> operations() {
    return operations;
  }

  /** The regions with an endpoint, in the spec's order. */
  public List<String> regions() {
    return sortedRegions;
  }

  public boolean hasRegion(String region) {
    return regions.contains(region);
  }

  /** One operation as the spec records it. */
  public static final class Operation {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final String action;
    private final String version;
    private final String product;
    private final String style;

    Operation(String operationId, String method, String pathTemplate, String action, String version,
        String product, String style) {
      this.operationId = Objects.requireNonNull(operationId);
      this.method = method;
      this.pathTemplate = pathTemplate;
      this.action = action;
      this.version = version;
      this.product = product;
      this.style = style;
    }

    public String operationId() {
      return operationId;
    }

    public String method() {
      return method;
    }

    public String pathTemplate() {
      return pathTemplate;
    }

    /**
     * Matches a raw (percent-encoded) request path against {@link #pathTemplate()}: literal
     * segments must be equal and each {@code {name}} takes one non-empty segment. Returns the
     * variables by name, percent-decoded (a segment with a malformed escape is kept as sent), or
     * {@code null} when the path is not this operation's.
     */
    public Map<String, String> pathVariables(String rawPath) {
      if (rawPath == null || pathTemplate == null) {
        return null;
      }
      String[] template = pathTemplate.split("/", -1);
      String[] parts = rawPath.split("/", -1);
      if (parts.length != template.length) {
        return null;
      }
      Map<String, String> vars = new LinkedHashMap<>();
      for (int i = 0; i < parts.length; i++) {
        String t = template[i];
        if (t.startsWith("{") && t.endsWith("}")) {
          if (parts[i].isEmpty()) {
            return null;
          }
          String value;
          try {
            value = io.raycluster.contract.client.auth.AcsEncoding.decode(parts[i]);
          } catch (IllegalArgumentException e) {
            value = parts[i];
          }
          vars.put(t.substring(1, t.length() - 1), value);
        } else if (!t.equals(parts[i])) {
          return null;
        }
      }
      return vars;
    }

    /** {@code x-acs-action}, e.g. {@code GetRayCluster}. */
    public String action() {
      return action;
    }

    /** {@code x-acs-version}, e.g. {@code 2023-08-08}. */
    public String version() {
      return version;
    }

    public String product() {
      return product;
    }

    public String style() {
      return style;
    }

    @Override
    public String toString() {
      return operationId + " (" + method + " " + pathTemplate + ", " + action + " " + version + ")";
    }
  }


}
