package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One operation of the vendor's API metadata, read for comparison: its path, methods, parameters,
 * the properties of its success response flattened to locations as the spec's are ({@code
 * /instances/*}{@code /type}), and the example of its response. The metadata's schemas are
 * Swagger-2-like: {@code required} is a boolean on a property's own schema, {@code $ref} points
 * into {@code components/schemas}, examples are strings. Every problem is named by its JSON
 * pointer; any makes the document unreadable.
 *
 * @param example the response example ({@code responseDemo}'s JSON example), or null when it has none
 * @param exampleProblem why the example could not be read, or null
 */
record MetadataOperation(String action, String pointer, String path, List<String> methods,
    List<Parameter> parameters, Map<String, SpecProperty> properties, JsonNode example, String exampleProblem) {

  /** A parameter: {@code in} is {@code path}, {@code query}, {@code header}, {@code body} or {@code formData}. */
  record Parameter(String name, String in, String type, String format, boolean required) {}

  /** Properties flattened from one response at most: far beyond any real response. */
  static final int MAX_PROPERTIES = ApiSpec.MAX_FLATTENED_PROPERTIES;
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  static MetadataOperation read(ApiMetadata metadata, String action, JsonNode api) throws UnreadablePageException {
    Reader r = new Reader(metadata.document());
    String at = "/apis/" + ApiSpec.escape(action);
    if (!api.isObject()) {
      r.problem(at, "expected an object, the operation");
      throw r.unreadable(metadata);
    }
    String path = r.text(api, at, "path", "the path template");
    List<String> methods = new ArrayList<>();
    JsonNode m = api.path("methods");
    if (!m.isArray() || m.isEmpty()) {
      r.problem(at + "/methods", "expected a list of HTTP methods");
    } else {
      for (int i = 0; i < m.size(); i++) {
        if (m.get(i).isTextual()) {
          methods.add(m.get(i).asText().toUpperCase(Locale.ROOT));
        } else {
          r.problem(at + "/methods/" + i, "expected a string, an HTTP method");
        }
      }
    }
    List<Parameter> parameters = new ArrayList<>();
    JsonNode ps = api.path("parameters");
    if (!ps.isMissingNode() && !ps.isArray()) {
      r.problem(at + "/parameters", "expected a list of parameters");
    }
    for (int i = 0; ps.isArray() && i < ps.size(); i++) {
      String pat = at + "/parameters/" + i;
      JsonNode p = ps.get(i);
      String name = r.text(p, pat, "name", "the parameter's name");
      String in = r.text(p, pat, "in", "where the parameter is sent");
      JsonNode schema = r.resolve(p.path("schema"), pat + "/schema");
      boolean required = schema.path("required").asBoolean(p.path("required").asBoolean(false));
      if (name != null && in != null) {
        parameters.add(new Parameter(name, in, typeOf(schema), schema.path("format").textValue(), required));
      }
    }
    Map<String, SpecProperty> properties = new LinkedHashMap<>();
    JsonNode responses = api.path("responses");
    String okKey = responses.has("200") ? "200" : null;
    for (var it = responses.fieldNames(); okKey == null && it.hasNext(); ) {
      String key = it.next();
      okKey = key.startsWith("2") ? key : null;
    }
    if (!responses.isObject()) {
      r.problem(at + "/responses", "expected an object of responses by status");
    } else if (okKey != null) {
      String sat = at + "/responses/" + okKey + "/schema";
      JsonNode schema = r.resolve(responses.get(okKey).path("schema"), sat);
      r.walk(schema, sat, "", properties);
    }
    JsonNode example = null;
    String exampleProblem = null;
    JsonNode demo = api.path("responseDemo");
    if (demo.isTextual() && !demo.asText().isBlank()) {
      try {
        example = example(demo.asText());
      } catch (IOException | IllegalArgumentException e) {
        exampleProblem = "the metadata's response example (" + at + "/responseDemo) cannot be read: "
            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
      }
    }
    if (!r.problems.isEmpty()) {
      throw r.unreadable(metadata);
    }
    return new MetadataOperation(action, at, path, List.copyOf(methods), List.copyOf(parameters),
        Collections.unmodifiableMap(properties), example, exampleProblem);
  }

  /** {@code responseDemo}: a string holding a JSON list of {@code {type, example}}; the first JSON example, read. */
  private static JsonNode example(String demo) throws IOException {
    JsonNode list = readJson(demo);
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("expected a JSON list of examples");
    }
    for (JsonNode e : list) {
      if ("json".equals(e.path("type").textValue()) && e.path("example").isTextual()
          && !e.path("example").asText().isBlank()) {
        return readJson(e.path("example").asText());
      }
    }
    return null;
  }

  private static JsonNode readJson(String text) throws IOException {
    try (JsonParser parser = JSON.createParser(text)) {
      return JsonTrees.read(parser);
    }
  }

  private static String typeOf(JsonNode schema) {
    if (schema.path("type").isTextual()) {
      return schema.get("type").asText();
    }
    if (schema.has("properties") || schema.has("additionalProperties")) {
      return "object";
    }
    return schema.has("items") ? "array" : "any";
  }

  /** Reads schemas of one operation, collecting problems. */
  private static final class Reader {
    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();
    private final Set<JsonNode> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
    private int count;

    Reader(JsonNode document) {
      this.document = document;
    }

    void problem(String pointer, String expected) {
      if (problems.size() < 20) {
        problems.add(pointer + ": " + expected);
      }
    }

    UnreadablePageException unreadable(ApiMetadata metadata) {
      return new UnreadablePageException(metadata.source(), UnreadablePageException.METADATA, problems);
    }

    String text(JsonNode node, String at, String field, String what) {
      JsonNode v = node.path(field);
      if (!v.isTextual()) {
        problem(at + "/" + field, "expected a string, " + what);
        return null;
      }
      return v.asText();
    }

    /** Follows {@code $ref}s into the document; a missing schema is an empty one. */
    JsonNode resolve(JsonNode schema, String at) {
      JsonNode node = schema;
      for (int hops = 0; node.isObject() && node.has("$ref"); hops++) {
        String ref = node.get("$ref").asText();
        JsonNode target = ref.startsWith("#/") ? document.at(ref.substring(1)) : null;
        if (hops >= 32 || target == null || target.isMissingNode()) {
          problem(at + "/$ref", hops >= 32 ? "a $ref chain longer than 32 (a loop?)"
              : "\"" + ref + "\" points at nothing (expected #/components/schemas/NAME)");
          return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        node = target;
      }
      if (!node.isMissingNode() && !node.isObject()) {
        problem(at, "expected an object, a schema");
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      return node;
    }

    /** Adds the properties of the object schema {@code schema} at {@code location} and below. */
    void walk(JsonNode schema, String at, String location, Map<String, SpecProperty> out) {
      if (!visiting.add(schema)) {
        return; // a recursive schema: its properties are listed above
      }
      JsonNode props = schema.path("properties");
      if (!props.isMissingNode() && !props.isObject()) {
        problem(at + "/properties", "expected an object of properties");
      }
      for (var it = props.fields(); props.isObject() && it.hasNext(); ) {
        var field = it.next();
        String pat = at + "/properties/" + ApiSpec.escape(field.getKey());
        JsonNode p = resolve(field.getValue(), pat);
        if (++count > MAX_PROPERTIES) {
          problem(at, "the response flattens to more than " + MAX_PROPERTIES + " properties");
          break;
        }
        String type = typeOf(p);
        JsonNode items = "array".equals(type) ? resolve(p.path("items"), pat + "/items") : null;
        String itemsType = items == null || items.isMissingNode() ? null : typeOf(items);
        List<String> values = new ArrayList<>();
        JsonNode e = p.path("enum");
        if (!e.isMissingNode() && !e.isArray()) {
          problem(pat + "/enum", "expected a list of values");
        }
        e.forEach(v -> values.add(v.asText()));
        String here = location + "/" + field.getKey();
        out.put(here, new SpecProperty(here, type, p.path("format").textValue(), itemsType,
            items == null ? null : items.path("format").textValue(), values));
        if ("object".equals(type)) {
          walk(p, pat, here, out);
        } else if ("object".equals(itemsType)) {
          walk(items, pat + "/items", here + "/*", out);
        }
      }
      visiting.remove(schema);
    }
  }
}
