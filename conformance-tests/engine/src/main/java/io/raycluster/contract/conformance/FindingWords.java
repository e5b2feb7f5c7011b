package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.spec.ApiSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the validator's errors into findings a person reads: expected this, found that. A value
 * the spec marks secret ({@code x-sensitive}) is never shown, and secret query values inside any
 * shown string are masked.
 */
final class FindingWords {
  private static final int SHOWN = 60;

  private final Redaction secrets;

  FindingWords(Redaction secrets) {
    this.secrets = secrets;
  }

  Finding of(Error e, JsonNode body) {
    String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
    if (pointer.equals("$") || pointer.equals("/")) {
      pointer = "";
    }
    String keyword = e.getKeyword() == null ? "schema" : e.getKeyword();
    JsonNode found = e.getInstanceNode();
    if (found == null) {
      found = body.at(pointer);
    }
    JsonNode schema = e.getSchemaNode();
    String message;
    switch (keyword) {
      case "type" -> message = "expected " + expectedType(schema) + ", found " + describe(found, pointer);
      case "required" -> {
        String property = e.getProperty();
        if (property != null) {
          pointer = pointer + "/" + ApiSpec.escape(property);
          message = "required property \"" + property + "\" is missing";
        } else {
          message = "a required property is missing: " + e.getMessage();
        }
      }
      case "enum" -> message = enumMessage(schema, found, pointer);
      case "format" -> {
        String format = schema == null ? "" : schema.asText();
        IntegerFormat range = IntegerFormat.named(format);
        message = range == null
            ? "expected format " + format + ", found " + describe(found, pointer)
            : "expected " + format + " integer (" + range.range() + "), found " + describe(found, pointer);
      }
      case "additionalProperties" -> message = "property is not allowed by the spec";
      case "minLength" -> message = "expected at least " + schema.asText() + " characters, found " + describe(found, pointer);
      case "maxLength" -> message = "expected at most " + schema.asText() + " characters, found " + describe(found, pointer);
      default -> message = stripPointer(e.getMessage(), pointer);
    }
    return new Finding(pointer, keyword, message);
  }

  private static String expectedType(JsonNode schema) {
    if (schema == null) {
      return "another type";
    }
    JsonNode type = schema.isTextual() || schema.isArray() ? schema : schema.path("type");
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(article(t.asText())));
      return String.join(" or ", names);
    }
    return article(type.asText());
  }

  private static String article(String type) {
    return type; // the JSON Schema type name, as in "expected integer, found string \"10\""
  }

  private String enumMessage(JsonNode allowed, JsonNode found, String pointer) {
    List<String> values = new ArrayList<>();
    String caseMatch = null;
    if (allowed != null && allowed.isArray()) {
      for (JsonNode v : allowed) {
        values.add(v.asText());
        if (found != null && found.isTextual() && !v.asText().equals(found.textValue())
            && v.asText().equalsIgnoreCase(found.textValue())) {
          caseMatch = v.asText();
        }
      }
    }
    String message = "expected one of " + String.join(", ", values) + ", found " + describe(found, pointer);
    if (caseMatch != null) {
      message += " (differs only in letter case from \"" + caseMatch + "\")";
    }
    return message;
  }

  /** {@code string "10"}, {@code integer 10}, {@code null}, {@code an object}; secrets hidden. */
  String describe(JsonNode node, String pointer) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array (" + node.size() + (node.size() == 1 ? " item)" : " items)");
    }
    boolean secret = isSecret(pointer);
    if (node.isTextual()) {
      if (secret) {
        return "string (value hidden: secret)";
      }
      String s = node.textValue();
      String shown = s.length() > SHOWN ? s.substring(0, SHOWN) + "..." : s;
      return "string " + quote(maskTokens(shown));
    }
    if (secret) {
      return (node.isIntegralNumber() ? "integer" : node.isNumber() ? "number"
          : node.getNodeType().name().toLowerCase(Locale.ROOT)) + " (value hidden: secret)";
    }
    if (node.isBoolean()) {
      return "boolean " + node.asText();
    }
    if (node.isIntegralNumber()) {
      return "integer " + node.asText();
    }
    if (node.isNumber()) {
      return "number " + node.asText();
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private boolean isSecret(String pointer) {
    int slash = pointer.lastIndexOf('/');
    String name = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    return secrets.isSecretProperty(name);
  }

  /** Hides the secret query values a string may carry (the dashboard URL's token). */
  private String maskTokens(String s) {
    return secrets.maskText(s, "***");
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String stripPointer(String message, String pointer) {
    if (message == null) {
      return "does not match the schema";
    }
    String prefix = pointer + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
