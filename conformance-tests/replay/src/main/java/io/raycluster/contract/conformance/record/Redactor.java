package io.raycluster.contract.conformance.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.conformance.har.HarHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from an exchange before it is written anywhere. What is secret is what the spec
 * marks ({@link Redaction}): the headers of {@code x-sensitive-headers} (the security token, the
 * AccessKey id, the Ray job token, cookies...), the values of secret query parameters in URLs and
 * texts (the dashboard's {@code token=}), and in a JSON body every property marked
 * {@code x-sensitive: true} ({@code submitToken}). The {@code Authorization} header keeps its
 * scheme and signed header names, which help debugging. Each secret is replaced by the string
 * {@value #REDACTED}, so a JSON body stays valid and keeps its schema verdict (a string stays a
 * string).
 */
public final class Redactor {
  public static final String REDACTED = "REDACTED";

  private static final Pattern AUTHORIZATION = Pattern.compile(
      "^(\\S+)\\s+Credential=[^,]*(,SignedHeaders=[^,]*)?,Signature=\\S*$");
  private final ObjectMapper mapper;
  private final Redaction secrets;

  /** A redactor for the client's spec (the bundled one). */
  public Redactor(ObjectMapper mapper) {
    this(mapper, Redaction.contract());
  }

  /** A redactor for what {@code secrets} (another spec's marks) says is secret. */
  public Redactor(ObjectMapper mapper, Redaction secrets) {
    this.mapper = mapper;
    this.secrets = secrets;
  }

  /** Headers with every secret value replaced; names and order kept. */
  public List<HarHeader> headers(List<Map.Entry<String, String>> headers) {
    List<HarHeader> out = new ArrayList<>(headers.size());
    for (Map.Entry<String, String> h : headers) {
      out.add(HarHeader.of(h.getKey(), header(h.getKey(), h.getValue())));
    }
    return out;
  }

  /** One header value, redacted when the header carries a secret. */
  public String header(String name, String value) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("authorization")) {
      Matcher m = AUTHORIZATION.matcher(value.trim());
      // Keep the scheme and the signed header names: they help debugging and are not secret.
      return m.matches()
          ? m.group(1) + " Credential=" + REDACTED + (m.group(2) == null ? "" : m.group(2))
              + ",Signature=" + REDACTED
          : REDACTED;
    }
    if (secrets.isSecretHeader(n)) {
      return REDACTED;
    }
    return url(value);
  }

  /** A URL (or any text) with {@code token=...} query values and secret JSON fields replaced. */
  public String url(String text) {
    return secrets.maskText(text, REDACTED);
  }

  /**
   * A response body with its secrets replaced. A JSON body is rewritten field by field (so it
   * stays valid JSON of the same shape); any other body is masked textually.
   */
  public byte[] body(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      tree = null;
    } catch (java.io.IOException e) {
      tree = null;
    }
    if (tree == null || !(tree.isObject() || tree.isArray())) {
      return url(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }
    redact(tree);
    try {
      return mapper.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a redacted JSON tree", e);
    }
  }

  private JsonNode sameTypeBlank(JsonNode value) {
    if (value.isNumber()) {
      return value.isIntegralNumber() ? mapper.getNodeFactory().numberNode(0)
          : mapper.getNodeFactory().numberNode(0.5);
    }
    if (value.isObject()) {
      return mapper.createObjectNode();
    }
    if (value.isArray()) {
      return mapper.createArrayNode();
    }
    return value; // boolean or null: nothing secret in it
  }

  private void redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        boolean secret = secrets.isSecretProperty(field.getKey());
        if (secret && !value.isTextual() && !value.isNull()) {
          // Not a string (already a schema violation): hide it but keep its JSON type, so the
          // verdict of the recording does not change.
          field.setValue(sameTypeBlank(value));
        } else if (value.isTextual()) {
          if (secret) {
            field.setValue(TextNode.valueOf(REDACTED));
          } else {
            String masked = url(value.asText());
            if (!masked.equals(value.asText())) {
              field.setValue(TextNode.valueOf(masked));
            }
          }
        } else {
          redact(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        if (item.isTextual()) {
          String masked = url(item.asText());
          if (!masked.equals(item.asText())) {
            array.set(i, TextNode.valueOf(masked));
          }
        } else {
          redact(item);
        }
      }
    }
  }
}
