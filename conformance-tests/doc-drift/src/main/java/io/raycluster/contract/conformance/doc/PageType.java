package io.raycluster.contract.conformance.doc;

import java.util.Locale;
import java.util.Optional;

/**
 * A type as the reference page writes it ({@code string}, {@code integer}, {@code long},
 * {@code array<object>}, ...), reduced to the JSON type it stands for so that it can be compared
 * with the spec. Integer widths are not compared: the page says {@code integer} for what the
 * vendor's SDKs hold as 64-bit timestamps.
 */
public record PageType(String json, String items) {
  /** The JSON type name, or {@code any}; {@code items} is the item type of an array, or null. */
  public PageType {
    if (items != null && !"array".equals(json)) {
      throw new IllegalArgumentException("only arrays have items: " + json);
    }
  }

  /** Parses one page type word; empty when the text is not a type the page uses. */
  public static Optional<PageType> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("array<") && t.endsWith(">")) {
      return scalar(t.substring(6, t.length() - 1)).map(item -> new PageType("array", item.json()));
    }
    return scalar(t);
  }

  private static Optional<PageType> scalar(String t) {
    String json;
    switch (t) {
      case "string": json = "string"; break;
      case "integer": case "long": case "int": case "int32": case "int64": json = "integer"; break;
      case "number": case "float": case "double": json = "number"; break;
      case "boolean": json = "boolean"; break;
      case "object": case "map": json = "object"; break;
      case "array": json = "array"; break;
      case "any": json = "any"; break;
      default: return Optional.empty();
    }
    return Optional.of(new PageType(json, null));
  }

  public static boolean isType(String text) {
    return parse(text).isPresent();
  }

  public PageType withItems(String itemType) {
    return new PageType("array", itemType);
  }

  @Override
  public String toString() {
    return items == null ? json : "array<" + items + ">";
  }
}
