package io.raycluster.contract.spec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Builds a {@link JsonNode} tree from a token stream (JSON or YAML) without an
 * {@code ObjectMapper}: reading the spec and the bodies this way keeps Jackson's data-binding
 * machinery (hundreds of classes) out of the command-line tool's start-up. Iterative, so depth
 * costs no stack. Shared by {@link ApiSpec} and the conformance engine's JSON reader.
 */
public final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /**
   * The next value of the stream as a tree; a missing node when the stream holds none. YAML
   * aliases ({@code *name}) and merge keys ({@code <<}) are refused: Jackson's YAML parser would
   * hand them over as plain strings, and a spec read that way would say something else than it
   * means.
   */
  public static JsonNode read(JsonParser p) throws IOException {
    return read(p, List.of(), null);
  }

  /** Receives, one at a time, the items of an array that {@link #read(JsonParser, List, ItemSink)} streams. */
  @FunctionalInterface
  public interface ItemSink {
    void item(int index, JsonNode item) throws IOException;
  }

  /**
   * Like {@link #read(JsonParser)}, but the array at {@code arrayPath} (property names from the
   * root, e.g. {@code [log, entries]}; each level an object) is not kept: each of its items is
   * built, handed to {@code sink}, and dropped, and the tree holds an empty array there. So a
   * document of many large items (a HAR file) costs the memory of one item at a time.
   */
  public static JsonNode read(JsonParser p, List<String> arrayPath, ItemSink sink) throws IOException {
    YAMLParser yaml = p instanceof YAMLParser y ? y : null;
    Deque<ContainerNode<?>> stack = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonNode root = null;
    String name = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      JsonNode value;
      if (yaml != null && yaml.isCurrentAlias()) {
        throw new JsonParseException(p, "YAML aliases (*" + p.getText() + ") are not supported: write the value out");
      }
      switch (t) {
        case FIELD_NAME -> {
          name = p.currentName();
          if (yaml != null && name.equals("<<")) {
            throw new JsonParseException(p, "YAML merge keys (<<) are not supported: write the properties out");
          }
          continue;
        }
        case START_OBJECT, START_ARRAY -> {
          if (t == JsonToken.START_ARRAY && sink != null && streamed(stack, names, name, arrayPath)) {
            attach(stack, name, NODES.arrayNode());
            name = null;
            int index = 0;
            for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
              if (item == null) {
                throw new JsonParseException(p, "the input ends inside an array");
              }
              sink.item(index++, readValue(p));
            }
            continue;
          }
          ContainerNode<?> c = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
          attach(stack, name, c);
          stack.push(c);
          names.push(name == null ? "" : name);
          name = null;
          if (root == null) {
            root = c;
          }
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          stack.pop();
          names.pop();
          if (stack.isEmpty()) {
            return root;
          }
          continue;
        }
        case VALUE_STRING -> value = NODES.textNode(p.getText());
        case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> value = floatNode(p);
        case VALUE_TRUE -> value = NODES.booleanNode(true);
        case VALUE_FALSE -> value = NODES.booleanNode(false);
        case VALUE_NULL -> value = NODES.nullNode();
        default -> value = NODES.textNode(p.getText());
      }
      if (stack.isEmpty()) {
        return value;
      }
      attach(stack, name, value);
      name = null;
    }
    return root == null ? NODES.missingNode() : root;
  }

  /**
   * A fractional or exponent number: a double, as {@code readTree} makes it, unless the double
   * cannot hold it ({@code 1e400} would be Infinity, which is no JSON value and no BigDecimal);
   * then an exact decimal. Either reads as the literal text of the input ({@code 1E2}, not
   * {@code 100.0}), so a finding quotes what the input says.
   */
  private static JsonNode floatNode(JsonParser p) throws IOException {
    double d = p.getDoubleValue();
    String literal = p.getText();
    if (Double.isFinite(d)) {
      return new LiteralDoubleNode(d, literal);
    }
    try {
      return new LiteralDecimalNode(new BigDecimal(literal), literal);
    } catch (NumberFormatException | ArithmeticException beyondBigDecimal) {
      // An exponent beyond an int (1e99999999999): no Java number holds it.
      throw new JsonParseException(p, "the number " + literal + " is beyond every numeric range");
    }
  }

  /** A double that prints as written ({@code 1E2}, not {@code 100.0}). */
  private static final class LiteralDoubleNode extends com.fasterxml.jackson.databind.node.DoubleNode {
    private static final long serialVersionUID = 1L;
    private final String literal;

    LiteralDoubleNode(double value, String literal) {
      super(value);
      this.literal = literal;
    }

    @Override
    public String asText() {
      return literal;
    }

    @Override
    public String toString() {
      return literal;
    }
  }

  /** A decimal that prints as written ({@code 1e400}, not {@code 1E+400}). */
  private static final class LiteralDecimalNode extends DecimalNode {
    private static final long serialVersionUID = 1L;
    private final String literal;

    LiteralDecimalNode(BigDecimal value, String literal) {
      super(value);
      this.literal = literal;
    }

    @Override
    public String asText() {
      return literal;
    }

    @Override
    public String toString() {
      return literal;
    }
  }

  /** Whether the array starting at {@code name} in the open containers is at {@code path}. */
  private static boolean streamed(Deque<ContainerNode<?>> stack, Deque<String> names, String name,
      List<String> path) {
    if (path.isEmpty() || stack.size() != path.size() || !path.get(path.size() - 1).equals(name)) {
      return false;
    }
    java.util.Iterator<ContainerNode<?>> containers = stack.descendingIterator();
    java.util.Iterator<String> opened = names.descendingIterator();
    opened.next(); // the root's own name: none
    for (int i = 0; i < path.size(); i++) {
      if (!containers.next().isObject()) {
        return false;
      }
      if (i + 1 < path.size() && !path.get(i).equals(opened.next())) {
        return false;
      }
    }
    return true;
  }

  /** The whole value whose first token the parser stands on. */
  private static JsonNode readValue(JsonParser p) throws IOException {
    return read(new CurrentTokenFirst(p), List.of(), null);
  }

  /** A view of a parser whose first {@code nextToken()} answers the token it already stands on. */
  private static final class CurrentTokenFirst extends com.fasterxml.jackson.core.util.JsonParserDelegate {
    private boolean first = true;

    CurrentTokenFirst(JsonParser p) {
      super(p);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      if (first) {
        first = false;
        return delegate.currentToken();
      }
      return delegate.nextToken();
    }
  }

  private static void attach(Deque<ContainerNode<?>> stack, String name, JsonNode value) {
    ContainerNode<?> parent = stack.peek();
    if (parent instanceof ObjectNode o) {
      o.set(name, value);
    } else if (parent instanceof ArrayNode a) {
      a.add(value);
    }
  }
}
