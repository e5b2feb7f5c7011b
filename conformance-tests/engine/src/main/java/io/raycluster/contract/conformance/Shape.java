package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.ApiSpec;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema of the spec compiled into a plain tree, for two jobs the general validator is not
 * needed for:
 *
 * <ul>
 *   <li><b>strict mode</b>: which properties each object declares, so every undeclared one can be
 *       reported with its pointer;
 *   <li><b>the fast path</b>: a cheap yes/no check. It answers "passes" only when the full
 *       validator would report nothing; anything it does not understand, or is unsure about,
 *       answers "fails", and the engine then runs the full validator for the report. So the fast
 *       path can cost time on odd input but never lose a finding.
 * </ul>
 *
 * Hand-written because no library compiles a JSON Schema into such a check for Jackson trees;
 * it covers only the keywords this spec uses, and {@link #exact} is false as soon as a schema
 * uses any other keyword (the fast path is then never used for it).
 */
final class Shape {
  enum Kind { ANY, OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN }

  /** Keywords with no effect on validation, or whose effect is modelled below. */
  private static final Set<String> KNOWN = Set.of(
      "type", "properties", "required", "items", "enum", "format", "nullable",
      "additionalProperties", "$ref", "description", "example", "title", "minLength", "maxLength",
      "externalDocs", "deprecated", "x-enum-descriptions");

  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  final String name;
  Kind kind = Kind.ANY;
  boolean exact = true;
  boolean nullable;
  /** additionalProperties: true or a schema: the object is free-form, no drift reported. */
  boolean freeForm;
  /** additionalProperties: false: any undeclared property fails the fast check. */
  boolean closed;
  final Map<String, Shape> properties = new LinkedHashMap<>();
  final Set<String> required = new LinkedHashSet<>();
  Shape items;
  Set<String> enumValues;
  long min = Long.MIN_VALUE;
  long max = Long.MAX_VALUE;
  boolean int64;
  int minLength;
  int maxLength = Integer.MAX_VALUE;
  /**
   * Declared property name to its bit (for duplicate and required tracking in the streaming
   * check) and its shape: one lookup per field read.
   */
  private Map<String, Slot> slots;
  private long requiredBits;
  private boolean bitsUsable;

  private Shape(String name) {
    this.name = name;
  }

  /** A declared property in the streaming check: its bit and its shape. */
  private record Slot(long bit, Shape shape) {}

  /** Compiles the schema at {@code pointer} (e.g. {@code /components/schemas/RayCluster}). */
  static Shape compile(JsonNode document, String pointer) {
    return compile(document, pointer, new HashMap<>());
  }

  private static Shape compile(JsonNode document, String pointer, Map<String, Shape> seen) {
    Shape known = seen.get(pointer);
    if (known != null) {
      return known;
    }
    // A component schema is named as the spec names it; a schema nested in one as a path of
    // property names (RayJob.driver, RayJobPage.jobs[]); one inline in an operation has no name.
    String name = pointer.startsWith("/components/schemas/")
        ? pointer.substring("/components/schemas/".length())
            .replace("/properties/", ".").replace("/items", "[]").replace("~1", "/").replace("~0", "~")
        : null;
    Shape shape = new Shape(name);
    seen.put(pointer, shape);
    JsonNode schema = document.at(pointer);
    if (!schema.isObject()) {
      shape.exact = false;
      return shape;
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#") || schema.size() != 1 && !onlyAnnotations(schema)) {
        shape.exact = false;
        return shape;
      }
      Shape target = compile(document, ref.substring(1), seen);
      seen.put(pointer, target);
      return target;
    }
    Iterator<String> keys = schema.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      // Specification extensions (x-sensitive, x-acs-...) never change what validates.
      if (!KNOWN.contains(key) && !key.startsWith("x-")) {
        shape.exact = false;
      }
    }
    shape.nullable = schema.path("nullable").asBoolean(false);
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> shape.kind = Kind.OBJECT;
      case "array" -> shape.kind = Kind.ARRAY;
      case "string" -> shape.kind = Kind.STRING;
      case "integer" -> shape.kind = Kind.INTEGER;
      case "number" -> shape.kind = Kind.NUMBER;
      case "boolean" -> shape.kind = Kind.BOOLEAN;
      default -> shape.exact = false;
    }
    JsonNode props = schema.path("properties");
    Iterator<String> names = props.fieldNames();
    while (names.hasNext()) {
      String prop = names.next();
      Shape child = compile(document, pointer + "/properties/" + ApiSpec.escape(prop), seen);
      shape.properties.put(prop, child);
    }
    schema.path("required").forEach(r -> shape.required.add(r.asText()));
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null) {
      if (additional.isBoolean()) {
        shape.freeForm = additional.booleanValue();
        shape.closed = !additional.booleanValue();
      } else {
        shape.freeForm = true;
        shape.exact = false;
      }
    }
    if (schema.has("items")) {
      shape.items = compile(document, pointer + "/items", seen);
    }
    JsonNode en = schema.get("enum");
    if (en != null) {
      shape.enumValues = new LinkedHashSet<>();
      for (JsonNode v : en) {
        if (!v.isTextual()) {
          shape.exact = false;
        }
        shape.enumValues.add(v.asText());
      }
    }
    String format = schema.path("format").asText("");
    if (shape.kind == Kind.INTEGER && format.equals("int32")) {
      shape.min = Integer.MIN_VALUE;
      shape.max = Integer.MAX_VALUE;
    } else if (shape.kind == Kind.INTEGER && format.equals("int64")) {
      shape.int64 = true;
    } else if (!format.isEmpty() && shape.kind != Kind.NUMBER) {
      // Other formats may be asserted by the full validator: leave them to it.
      shape.exact = false;
    }
    if (schema.has("minLength")) {
      shape.minLength = schema.get("minLength").asInt();
    }
    if (schema.has("maxLength")) {
      shape.maxLength = schema.get("maxLength").asInt();
    }
    return shape;
  }

  private static boolean onlyAnnotations(JsonNode schema) {
    Iterator<String> keys = schema.fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      if (!k.equals("$ref") && !k.equals("description") && !k.equals("example") && !k.startsWith("x-")) {
        return false;
      }
    }
    return true;
  }

  /** Prepares the bit masks of the streaming check; call once after compiling. */
  void prepare() {
    prepare(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  private void prepare(Set<Shape> visited) {
    if (!visited.add(this)) {
      return;
    }
    Map<String, Long> b = new HashMap<>();
    int i = 0;
    for (String p : properties.keySet()) {
      if (i < 64) {
        b.put(p, 1L << i);
      }
      i++;
    }
    bitsUsable = i <= 64 && properties.keySet().containsAll(required);
    long req = 0;
    for (String r : required) {
      Long bit = b.get(r);
      if (bit != null) {
        req |= bit;
      }
    }
    Map<String, Slot> s = new HashMap<>();
    b.forEach((p, bit) -> s.put(p, new Slot(bit, properties.get(p))));
    slots = s;
    requiredBits = req;
    for (Shape p : properties.values()) {
      p.prepare(visited);
    }
    if (items != null) {
      items.prepare(visited);
    }
  }

  /**
   * The fast check on a token stream, without building a tree: true only if the full validator
   * would find nothing (and, when {@code strict}, nothing is undeclared). The parser is
   * positioned on the value's first token; on return after {@code true}, on its last token.
   * Duplicate declared keys make it answer false (the full path then reports them); duplicate
   * undeclared keys are caught by a set. Any parse problem propagates as an exception and the
   * caller falls back to the full path, which words it.
   */
  boolean passes(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonToken t, boolean strict)
      throws java.io.IOException {
    switch (kind) {
      case OBJECT -> {
        if (t != com.fasterxml.jackson.core.JsonToken.START_OBJECT || !bitsUsable) {
          return false;
        }
        long seen = 0;
        Set<String> undeclared = null;
        while ((t = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          String name = p.currentName();
          t = p.nextToken();
          Slot slot = slots.get(name);
          if (slot == null) {
            if (closed || strict) {
              return false;
            }
            if (undeclared == null) {
              undeclared = new java.util.HashSet<>();
            }
            if (!undeclared.add(name)) {
              return false;
            }
            p.skipChildren();
            continue;
          }
          if ((seen & slot.bit()) != 0) {
            return false;
          }
          seen |= slot.bit();
          if (!slot.shape().passes(p, t, strict)) {
            return false;
          }
        }
        return t == com.fasterxml.jackson.core.JsonToken.END_OBJECT && (seen & requiredBits) == requiredBits;
      }
      case ARRAY -> {
        if (t != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          return false;
        }
        while ((t = p.nextToken()) != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
          if (t == null) {
            return false;
          }
          if (items == null) {
            p.skipChildren();
          } else if (!items.passes(p, t, strict)) {
            return false;
          }
        }
        return true;
      }
      case STRING -> {
        if (t != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
          return false;
        }
        if (enumValues == null && minLength == 0 && maxLength == Integer.MAX_VALUE) {
          return true;
        }
        String s = p.getText();
        if (enumValues != null && !enumValues.contains(s)) {
          return false;
        }
        int n = s.codePointCount(0, s.length());
        return n >= minLength && n <= maxLength;
      }
      case INTEGER -> {
        if (t != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
          return false;
        }
        com.fasterxml.jackson.core.JsonParser.NumberType nt = p.getNumberType();
        if (nt == com.fasterxml.jackson.core.JsonParser.NumberType.INT
            || nt == com.fasterxml.jackson.core.JsonParser.NumberType.LONG) {
          long v = p.getLongValue();
          return v >= min && v <= max;
        }
        return false;
      }
      case NUMBER -> {
        return t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
            || t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT;
      }
      case BOOLEAN -> {
        return t == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE
            || t == com.fasterxml.jackson.core.JsonToken.VALUE_FALSE;
      }
      default -> {
        return false;
      }
    }
  }

  /** Whether every shape reachable from this one is {@link #exact}. */
  boolean fullyExact() {
    return fullyExact(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  }

  private boolean fullyExact(Set<Shape> visited) {
    if (!visited.add(this)) {
      return true;
    }
    if (!exact) {
      return false;
    }
    for (Shape p : properties.values()) {
      if (!p.fullyExact(visited)) {
        return false;
      }
    }
    return items == null || items.fullyExact(visited);
  }

  /** The fast check: true only if the full validator would find nothing. */
  boolean passes(JsonNode node) {
    if (node.isNull()) {
      return false; // let the full validator word the null (and honour nullable)
    }
    switch (kind) {
      case OBJECT -> {
        if (!node.isObject()) {
          return false;
        }
        for (String r : required) {
          if (!node.has(r)) {
            return false;
          }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          Shape p = properties.get(f.getKey());
          if (p == null) {
            if (closed) {
              return false;
            }
          } else if (!p.passes(f.getValue())) {
            return false;
          }
        }
        return true;
      }
      case ARRAY -> {
        if (!node.isArray()) {
          return false;
        }
        if (items != null) {
          for (JsonNode item : node) {
            if (!items.passes(item)) {
              return false;
            }
          }
        }
        return true;
      }
      case STRING -> {
        if (!node.isTextual()) {
          return false;
        }
        String s = node.textValue();
        if (enumValues != null && !enumValues.contains(s)) {
          return false;
        }
        if (minLength > 0 || maxLength < Integer.MAX_VALUE) {
          int n = s.codePointCount(0, s.length());
          return n >= minLength && n <= maxLength;
        }
        return true;
      }
      case INTEGER -> {
        if (node.isInt() || node.isLong()) {
          long v = node.longValue();
          return v >= min && v <= max;
        }
        if (node.isBigInteger()) {
          BigInteger v = node.bigIntegerValue();
          return !int64 && min == Long.MIN_VALUE && max == Long.MAX_VALUE
              && v.compareTo(INT64_MIN) >= 0 && v.compareTo(INT64_MAX) <= 0;
        }
        return false; // 1.0 and the like: the full validator decides
      }
      case NUMBER -> {
        return node.isNumber();
      }
      case BOOLEAN -> {
        return node.isBoolean();
      }
      default -> {
        return false;
      }
    }
  }

  /** Strict mode: every property the spec does not declare, below {@code pointer}. */
  void drift(JsonNode node, String pointer, List<Finding> out) {
    if (node.isObject() && (kind == Kind.OBJECT || !properties.isEmpty())) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        Shape p = properties.get(f.getKey());
        String at = pointer + "/" + ApiSpec.escape(f.getKey());
        if (p != null) {
          p.drift(f.getValue(), at, out);
        } else if (!freeForm && !closed) {
          out.add(new Finding(at, "undeclared",
              "property \"" + f.getKey() + "\" is not declared"
                  + (name == null ? "" : " in " + name) + " (strict mode: drift from the spec)"));
        }
      }
    } else if (node.isArray() && items != null) {
      int i = 0;
      for (JsonNode item : node) {
        items.drift(item, pointer + "/" + i++, out);
      }
    }
  }

}
