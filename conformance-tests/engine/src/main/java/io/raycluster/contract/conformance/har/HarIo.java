package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.raycluster.contract.conformance.JsonDocuments;
import io.raycluster.contract.conformance.UnreadableInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes HAR 1.2. Reading goes through {@link JsonDocuments} (bounded and strict) and
 * checks the structure itself, so that a file that is not a HAR, or one broken entry, is
 * reported precisely: {@link #entries} rejects the file, {@link #entry} rejects one entry.
 */
public final class HarIo {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private HarIo() {}

  /** Whether a parsed JSON document has the shape of a HAR ({@code {"log": {...}}}). */
  public static boolean looksLikeHar(JsonNode root) {
    return root != null && root.isObject() && root.path("log").isObject();
  }

  /** The raw entries of a HAR document, or why it is not one. */
  public static List<JsonNode> entries(JsonNode root) throws UnreadableInputException {
    if (!root.isObject()) {
      throw notHar("", "the document is " + kind(root) + ", not an object with a \"log\"");
    }
    JsonNode log = root.get("log");
    if (log == null) {
      throw notHar("/log", "it has no \"log\" object");
    }
    if (!log.isObject()) {
      throw notHar("/log", "\"log\" is " + kind(log) + ", not an object");
    }
    JsonNode entries = log.get("entries");
    if (entries == null) {
      throw notHar("/log/entries", "\"log\" has no \"entries\" array");
    }
    if (!entries.isArray()) {
      throw notHar("/log/entries", "\"log.entries\" is " + kind(entries) + ", not an array");
    }
    List<JsonNode> list = new ArrayList<>(entries.size());
    entries.forEach(list::add);
    return list;
  }

  /** One entry, checked for what a recorded exchange needs: request method and URL, response status. */
  public static HarEntry entry(JsonNode node, int index) throws UnreadableInputException {
    String at = "/log/entries/" + index;
    if (!node.isObject()) {
      throw badEntry(at, "the entry is " + kind(node) + ", not an object");
    }
    JsonNode request = node.path("request");
    if (!request.isObject()) {
      throw badEntry(at + "/request", "the entry has no \"request\" object");
    }
    if (!request.path("method").isTextual()) {
      throw badEntry(at + "/request/method", "the request has no \"method\" string");
    }
    if (!request.path("url").isTextual()) {
      throw badEntry(at + "/request/url", "the request has no \"url\" string");
    }
    JsonNode response = node.path("response");
    if (!response.isObject()) {
      throw badEntry(at + "/response", "the entry has no \"response\" object");
    }
    JsonNode status = response.path("status");
    if (!status.canConvertToInt() || !status.isIntegralNumber()) {
      throw badEntry(at + "/response/status", "the response has no integer \"status\"");
    }
    JsonNode content = response.path("content");
    if (!content.isMissingNode() && !content.isObject()) {
      throw badEntry(at + "/response/content", "\"content\" is " + kind(content) + ", not an object");
    }
    if (content.has("text") && !content.get("text").isTextual()) {
      throw badEntry(at + "/response/content/text", "\"content.text\" is " + kind(content.get("text")) + ", not a string");
    }
    try {
      return MAPPER.treeToValue(node, HarEntry.class);
    } catch (JsonProcessingException e) {
      throw badEntry(at, "the entry does not follow HAR 1.2: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw badEntry(at, "the entry does not follow HAR 1.2: " + e.getMessage());
    }
  }

  /** Reads a whole HAR strictly (every entry must be well-formed). */
  public static Har read(byte[] bytes, JsonDocuments json) throws UnreadableInputException {
    JsonNode root = json.parse(bytes);
    List<JsonNode> raw = entries(root);
    List<HarEntry> entries = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      entries.add(entry(raw.get(i), i));
    }
    JsonNode log = root.get("log");
    HarCreator creator = null;
    try {
      creator = log.has("creator") ? MAPPER.treeToValue(log.get("creator"), HarCreator.class) : null;
    } catch (JsonProcessingException e) {
      // an odd creator does not make the recording unusable
    }
    return new Har(new HarLog(log.path("version").asText("1.2"), creator, null, log.get("pages"), entries,
        log.path("comment").isTextual() ? log.get("comment").asText() : null));
  }

  /** Writes {@code har} as indented UTF-8 JSON. */
  public static void write(Har har, OutputStream out) throws IOException {
    MAPPER.writeValue(new NonClosing(out), har);
  }

  /** {@code har} as indented JSON text. */
  public static String toJson(Har har) {
    try {
      return MAPPER.writeValueAsString(har);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UnreadableInputException notHar(String pointer, String why) {
    return new UnreadableInputException("har", pointer, "not a HAR 1.2 file: " + why);
  }

  private static UnreadableInputException badEntry(String pointer, String why) {
    return new UnreadableInputException("har", pointer, "broken HAR entry: " + why);
  }

  private static String kind(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "missing";
    }
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
