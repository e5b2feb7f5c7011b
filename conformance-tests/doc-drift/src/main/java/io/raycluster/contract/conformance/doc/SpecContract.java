package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.raycluster.contract.spec.RayClusterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the spec that diff-doc compares with a reference page: each operation's method and
 * path, and the properties of its success (200, JSON) response, flattened to locations. Local
 * {@code $ref}s are followed with Jackson's JSON Pointer support, and {@code allOf} parts are
 * merged; that is all this document uses.
 */
public final class SpecContract {
  /** One operation of the spec. */
  public record Operation(String method, String path, String action, List<Parameter> parameters,
      Map<String, SpecProperty> properties) {}

  /** A path, query or header parameter of an operation. */
  public record Parameter(String name, String in, String type, boolean required) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final String source;
  private final List<Operation> operations;

  private SpecContract(String source, List<Operation> operations) {
    this.source = source;
    this.operations = List.copyOf(operations);
  }

  /** The project's spec, from the raycluster-spec jar. */
  public static SpecContract load() {
    return fromYaml(RayClusterSpec.text(), RayClusterSpec.RESOURCE);
  }

  /** A spec given as YAML or JSON text; {@code source} names it in messages. */
  public static SpecContract fromYaml(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the spec " + source, e);
    }
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        Map<String, SpecProperty> properties = new LinkedHashMap<>();
        JsonNode schema = successSchema(root, op);
        if (schema != null) {
          walk(root, schema, "", properties, new LinkedHashSet<>());
        }
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode level : List.of(path.getValue().path("parameters"), op.path("parameters"))) {
          for (JsonNode p : level) {
            JsonNode param = resolve(root, p);
            String name = param.path("name").asText();
            String in = param.path("in").asText();
            parameters.removeIf(x -> x.name().equals(name) && x.in().equals(in)); // op overrides path
            parameters.add(new Parameter(name, in, type(root, resolve(root, param.path("schema"))),
                param.path("required").asBoolean(false)));
          }
        }
        operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(),
            op.path("x-acs-action").asText(""), parameters, properties));
      }
    }
    return new SpecContract(source, operations);
  }

  public String source() {
    return source;
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * The operation a page describes: the one with the page's method and path, else the one with
   * the page's action name, else the spec's only operation (a page whose path changed still
   * describes it).
   */
  public Optional<Operation> operationFor(String method, String path, String action) {
    for (Operation op : operations) {
      if (op.method().equals(method) && op.path().equals(path)) {
        return Optional.of(op);
      }
    }
    for (Operation op : operations) {
      if (action != null && !action.isEmpty() && op.action().equals(action)) {
        return Optional.of(op);
      }
    }
    return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
  }

  /** The names the spec declares directly inside the object at {@code scope} ("" is the body). */
  public static Set<String> children(Map<String, SpecProperty> properties, String scope) {
    Set<String> names = new LinkedHashSet<>();
    String prefix = scope + "/";
    for (String location : properties.keySet()) {
      if (location.startsWith(prefix) && location.indexOf('/', prefix.length()) < 0) {
        names.add(location.substring(prefix.length()));
      }
    }
    return Collections.unmodifiableSet(names);
  }

  private static JsonNode successSchema(JsonNode root, JsonNode op) {
    JsonNode responses = op.path("responses");
    JsonNode ok = responses.has("200") ? responses.get("200") : responses.get("default");
    if (ok == null) {
      return null;
    }
    ok = resolve(root, ok);
    JsonNode content = ok.path("content");
    JsonNode media = content.has("application/json") ? content.get("application/json")
        : content.properties().stream().findFirst().map(Map.Entry::getValue).orElse(null);
    return media == null ? null : media.get("schema");
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    int hops = 0;
    while (node != null && node.has("$ref") && hops++ < 32) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("Only local $refs are supported, found " + ref);
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException("Unresolvable $ref " + ref);
      }
      node = target;
    }
    return node;
  }

  /** Properties of an object schema, allOf parts merged. */
  private static Map<String, JsonNode> properties(JsonNode root, JsonNode schema) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    schema.path("properties").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
    for (JsonNode part : schema.path("allOf")) {
      out.putAll(properties(root, resolve(root, part)));
    }
    return out;
  }

  private static String type(JsonNode root, JsonNode schema) {
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    if (schema.has("properties") || schema.has("allOf") || schema.has("additionalProperties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    return "any";
  }

  private static void walk(JsonNode root, JsonNode schema, String scope,
      Map<String, SpecProperty> out, Set<JsonNode> visiting) {
    JsonNode s = resolve(root, schema);
    if (!visiting.add(s)) {
      return; // a recursive schema: its properties are already listed above
    }
    for (Map.Entry<String, JsonNode> property : properties(root, s).entrySet()) {
      String location = scope + "/" + property.getKey();
      JsonNode p = resolve(root, property.getValue());
      String type = type(root, p);
      String items = null;
      JsonNode itemSchema = null;
      if ("array".equals(type) && p.has("items")) {
        itemSchema = resolve(root, p.get("items"));
        items = type(root, itemSchema);
      }
      List<String> enumValues = new ArrayList<>();
      p.path("enum").forEach(v -> enumValues.add(v.asText()));
      out.put(location, new SpecProperty(location, type, items, enumValues));
      if ("object".equals(type)) {
        walk(root, p, location, out, visiting);
      } else if ("object".equals(items)) {
        walk(root, itemSchema, location + "/*", out, visiting);
      }
    }
    visiting.remove(s);
  }
}
