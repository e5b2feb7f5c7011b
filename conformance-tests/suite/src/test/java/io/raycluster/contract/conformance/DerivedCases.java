package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SchemaProperty;
import io.raycluster.contract.spec.SpecOperation;
import io.raycluster.contract.spec.SpecResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Conformance cases derived from a spec, so that they follow it: for every JSON body schema of
 * every operation's responses, one body with every declared property filled in (from the spec's
 * examples where they fit), and from it one case per rule the spec states: each property given a
 * value of the wrong type, each required property removed, each enum value accepted and an
 * unknown one refused, each {@code int32}/{@code int64} overflowed, each object given an
 * undeclared property (valid leniently, drift in strict mode). A field or an enum value added to
 * the spec is tested by the next build, with no case file and no Java to edit.
 */
final class DerivedCases {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String UNDECLARED = "zzUndeclaredByTheSpec";

  /** A secret value no finding may show. */
  static final String SENTINEL = "SENTINEL-7c41";

  /**
   * What one mode must report: the finding pointers and keywords (sorted), a fragment the first
   * finding's message holds, and a text no message may hold (a secret).
   */
  record Expect(List<String> pointers, List<String> keywords, String message, String hidden) {
    static final Expect VALID = new Expect(List.of(), List.of(), null, null);

    static Expect one(String pointer, String keyword, String message) {
      return new Expect(List.of(pointer), List.of(keyword), message, null);
    }

    Expect hiding(String secret) {
      return new Expect(pointers, keywords, message, secret);
    }
  }

  /** One derived case: a body of an operation's response with a status, and both modes' expectations. */
  record Case(String name, SpecOperation operation, int status, JsonNode body, Expect lenient, Expect strict) {}

  private DerivedCases() {}

  static List<Case> of(ApiSpec spec) {
    List<Case> cases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SpecOperation op : spec.operations()) {
      for (SpecResponse r : op.responses().values()) {
        if (!r.hasJsonBody() || !seen.add(r.schemaPointer())) {
          continue;
        }
        derive(spec, op, status(r.key()), r, cases);
      }
    }
    return cases;
  }

  private static int status(String key) {
    return key.endsWith("XX") ? (key.charAt(0) - '0') * 100 : key.equals("DEFAULT") ? 599 : Integer.parseInt(key);
  }

  private static void derive(ApiSpec spec, SpecOperation op, int status, SpecResponse response, List<Case> out) {
    String schema = response.schemaPointer();
    List<SchemaProperty> properties = spec.properties(schema);
    ObjectNode full = fullBody(properties, response.example());
    String prefix = op.operationId() + " " + status + " (" + schema + ") ";
    out.add(new Case(prefix + "a body with every declared property is valid", op, status, full,
        Expect.VALID, Expect.VALID));

    // A wrong-typed text carries a secret query value when the spec declares one: findings mask it.
    String secretQuery = spec.sensitivity().queryParameters().stream().findFirst()
        .map(q -> "?" + q + "=" + SENTINEL).orElse("");
    for (SchemaProperty p : properties) {
      String pointer = pointer(p);
      JsonNode wrong = wrongType(p.type(), secretQuery);
      if (wrong != null) {
        // A property the spec marks secret is reported without its value.
        Expect e = Expect.one(pointer, "type", p.secret() ? "(value hidden: secret)" : "expected " + p.type() + ", found")
            .hiding(SENTINEL);
        out.add(new Case(prefix + p.location() + " of the wrong type", op, status, with(full, pointer, wrong), e, e));
        if (p.secret() && "string".equals(p.type())) {
          JsonNode secretWrong = NODES.arrayNode().add(SENTINEL);
          Expect hidden = Expect.one(pointer, "type", "found array").hiding(SENTINEL);
          out.add(new Case(prefix + p.location() + " (secret) of the wrong type, holding the secret", op, status,
              with(full, pointer, secretWrong), hidden, hidden));
        }
      }
      if (p.required()) {
        Expect e = Expect.one(pointer, "required", "required property \"" + p.name() + "\" is missing");
        out.add(new Case(prefix + p.location() + " missing (required)", op, status, without(full, pointer), e, e));
      }
      if ("string".equals(p.type()) && !p.enumValues().isEmpty()) {
        for (String value : p.enumValues()) {
          out.add(new Case(prefix + p.location() + " = " + value, op, status,
              with(full, pointer, NODES.textNode(value)), Expect.VALID, Expect.VALID));
        }
        String unknown = "Zz" + String.join("", p.enumValues());
        Expect e = Expect.one(pointer, "enum", "expected one of " + String.join(", ", p.enumValues())
            + ", found string \"" + unknown + "\"");
        out.add(new Case(prefix + p.location() + " not in its enum", op, status,
            with(full, pointer, NODES.textNode(unknown)), e, e));
        String first = p.enumValues().get(0);
        String otherCase = swapCase(first);
        if (!p.enumValues().contains(otherCase)) {
          Expect c = Expect.one(pointer, "enum", "(differs only in letter case from \"" + first + "\")");
          out.add(new Case(prefix + p.location() + " in another letter case", op, status,
              with(full, pointer, NODES.textNode(otherCase)), c, c));
        }
      }
      if ("integer".equals(p.type()) && ("int32".equals(p.format()) || "int64".equals(p.format()))) {
        BigInteger over = "int32".equals(p.format()) ? BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE)
            : BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        Expect e = Expect.one(pointer, "format", p.format());
        out.add(new Case(prefix + p.location() + " beyond " + p.format(), op, status,
            with(full, pointer, NODES.numberNode(over)), e, e));
      }
    }

    for (String object : objects(spec, schema, properties)) {
      String at = object + "/" + UNDECLARED;
      out.add(new Case(prefix + (object.isEmpty() ? "/" : object) + " with an undeclared property", op, status,
          with(full, at, NODES.textNode("v")), Expect.VALID, Expect.one(at, "undeclared", "is not declared")));
    }
  }

  /** A body with every property of the schema, values from the spec's example where they fit. */
  static ObjectNode fullBody(List<SchemaProperty> properties, JsonNode example) {
    ObjectNode body = NODES.objectNode();
    for (SchemaProperty p : properties) {
      JsonNode fromExample = example == null ? null : example.at(pointer(p));
      JsonNode value = fits(p, fromExample) ? fromExample.deepCopy() : fits(p, p.example()) ? p.example() : synthesized(p);
      set(body, pointer(p), value);
    }
    return body;
  }

  private static boolean fits(SchemaProperty p, JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return false;
    }
    return switch (p.type()) {
      case "string" -> v.isTextual() && (p.enumValues().isEmpty() || p.enumValues().contains(v.asText()));
      case "integer" -> v.canConvertToLong() && v.isIntegralNumber()
          && (!"int32".equals(p.format()) || v.canConvertToInt());
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      // Containers are built from their properties, which take their own example values.
      default -> false;
    };
  }

  private static JsonNode synthesized(SchemaProperty p) {
    return switch (p.type()) {
      case "string" -> NODES.textNode(p.enumValues().isEmpty() ? "value-of-" + p.name() : p.enumValues().get(0));
      case "integer" -> NODES.numberNode(1);
      case "number" -> NODES.numberNode(1.5);
      case "boolean" -> NODES.booleanNode(true);
      case "object" -> NODES.objectNode();
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        a.add(p.items() == null ? NODES.textNode("item") : switch (p.items()) {
          case "object" -> NODES.objectNode();
          case "integer" -> NODES.numberNode(1);
          case "number" -> NODES.numberNode(1.5);
          case "boolean" -> NODES.booleanNode(true);
          default -> NODES.textNode("item");
        });
        yield a;
      }
      default -> NODES.textNode("any");
    };
  }

  /** A value of another JSON type than {@code type}; null when the schema allows any. */
  private static JsonNode wrongType(String type, String secretQuery) {
    return switch (type) {
      case "string" -> NODES.numberNode(12345);
      case "integer", "number", "boolean", "object", "array" ->
          NODES.textNode("https://example.com/not-a-" + type + secretQuery);
      default -> null;
    };
  }

  /** The JSON pointers of every object of the full body whose schema is not free-form. */
  private static List<String> objects(ApiSpec spec, String schema, List<SchemaProperty> properties) {
    List<String> out = new ArrayList<>();
    if (!freeForm(spec, schema)) {
      out.add("");
    }
    for (SchemaProperty p : properties) {
      if ("object".equals(p.type()) && !freeForm(spec, p.pointer())) {
        out.add(pointer(p));
      } else if ("array".equals(p.type()) && "object".equals(p.items())
          && !freeForm(spec, p.pointer() + "/items")) {
        out.add(pointer(p) + "/0");
      }
    }
    return out;
  }

  private static boolean freeForm(ApiSpec spec, String pointer) {
    JsonNode additional = spec.schema(pointer).get("additionalProperties");
    return additional != null && !(additional.isBoolean() && !additional.booleanValue());
  }

  /** The property's JSON pointer in the full body (the first item of each array). */
  static String pointer(SchemaProperty p) {
    StringBuilder sb = new StringBuilder();
    for (String step : p.path()) {
      sb.append('/').append(step.equals("*") ? "0" : ApiSpec.escape(step));
    }
    return sb.toString();
  }

  private static JsonNode with(ObjectNode body, String pointer, JsonNode value) {
    ObjectNode copy = body.deepCopy();
    set(copy, pointer, value);
    return copy;
  }

  private static JsonNode without(ObjectNode body, String pointer) {
    ObjectNode copy = body.deepCopy();
    int cut = pointer.lastIndexOf('/');
    ((ObjectNode) copy.at(pointer.substring(0, cut))).remove(unescape(pointer.substring(cut + 1)));
    return copy;
  }

  /** Sets {@code value} at {@code pointer}, creating objects and first array items on the way. */
  private static void set(ObjectNode root, String pointer, JsonNode value) {
    String[] steps = pointer.substring(1).split("/", -1);
    JsonNode node = root;
    for (int i = 0; i < steps.length; i++) {
      boolean last = i == steps.length - 1;
      String step = unescape(steps[i]);
      boolean nextIsIndex = !last && steps[i + 1].matches("\\d+");
      if (node instanceof ObjectNode o) {
        if (last) {
          o.set(step, value);
          return;
        }
        JsonNode child = o.get(step);
        if (child == null || !child.isContainerNode()) {
          child = nextIsIndex ? o.putArray(step) : o.putObject(step);
        }
        node = child;
      } else if (node instanceof ArrayNode a) {
        int index = Integer.parseInt(step);
        while (a.size() <= index) {
          a.add(nextIsIndex ? NODES.arrayNode() : NODES.objectNode());
        }
        if (last) {
          a.set(index, value);
          return;
        }
        if (!a.get(index).isContainerNode()) {
          a.set(index, nextIsIndex ? NODES.arrayNode() : NODES.objectNode());
        }
        node = a.get(index);
      }
    }
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  private static String swapCase(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT)) ? sb.toString() : s;
  }
}
