package io.raycluster.contract.conformance.record;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.conformance.har.HarHeader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * string), and every other byte of a JSON body is kept as it was sent.
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
   * A response body with its secrets replaced. A JSON body keeps every byte that is not a secret
   * (numbers such as {@code 1e400} or {@code 1.50}, spacing, escapes, key order): only the spans
   * of secret values are spliced out, so the recording still shows what the server really sent.
   * Any other body (HTML, cut-off JSON) is masked textually.
   */
  public byte[] body(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    List<Splice> splices;
    int rootEnd;
    try (JsonParser p = mapper.getFactory().createParser(body)) {
      splices = new ArrayList<>();
      JsonToken root = p.nextToken();
      if (root != JsonToken.START_OBJECT && root != JsonToken.START_ARRAY) {
        return maskedText(body);
      }
      rootEnd = collect(p, body, splices);
    } catch (java.io.IOException | RuntimeException notJson) {
      // Not JSON or cut off: the textual mask still finds "submitToken":"..." and token=...
      return maskedText(body);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    int at = 0;
    for (Splice s : splices) {
      out.write(body, at, s.start() - at);
      out.writeBytes(s.replacement().getBytes(StandardCharsets.UTF_8));
      at = s.end();
    }
    out.write(body, at, rootEnd - at);
    if (rootEnd < body.length) {
      // Whatever follows the JSON value is not JSON to us: masked as text.
      out.writeBytes(maskedText(java.util.Arrays.copyOfRange(body, rootEnd, body.length)));
    }
    return out.toByteArray();
  }

  private byte[] maskedText(byte[] body) {
    return url(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  /** One span {@code [start, end)} of the body to replace with {@code replacement}. */
  private record Splice(int start, int end, String replacement) {}

  /**
   * Walks the root container the parser stands on and collects the splices, in order; returns the
   * offset just after the root's closing bracket.
   */
  private int collect(JsonParser p, byte[] body, List<Splice> splices) throws java.io.IOException {
    int depth = 1;
    while (depth > 0) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new java.io.EOFException("the JSON body ends inside a value");
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        depth--;
        if (depth == 0) {
          return offset(p.currentTokenLocation()) + 1;
        }
        continue;
      }
      if (t == JsonToken.FIELD_NAME) {
        continue;
      }
      // The context a value sits in: for { and [ the parser has already entered the new one.
      JsonStreamContext where = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
      String field = where.inObject() ? where.getCurrentName() : null;
      boolean secret = field != null && secrets.isSecretProperty(field);
      int start = offset(p.currentTokenLocation());
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        if (secret) {
          p.skipChildren();
          int end = offset(p.currentTokenLocation()) + 1;
          // Not a string (already a schema violation): hidden, but of the same JSON type.
          splices.add(new Splice(start, end, t == JsonToken.START_OBJECT ? "{}" : "[]"));
        } else {
          depth++;
        }
      } else if (t == JsonToken.VALUE_STRING) {
        String value = p.getText();
        String masked = secret ? REDACTED : url(value);
        if (!masked.equals(value)) {
          splices.add(new Splice(start, stringEnd(body, start), quoted(masked)));
        }
      } else if (secret && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
        splices.add(new Splice(start, numberEnd(body, start),
            t == JsonToken.VALUE_NUMBER_INT ? "0" : "0.5"));
      }
      // true, false, null and non-secret numbers: nothing secret in them, kept as sent.
    }
    throw new IllegalStateException("unreachable");
  }

  private static int offset(JsonLocation location) {
    long offset = location.getByteOffset();
    if (offset < 0 || offset > Integer.MAX_VALUE) {
      throw new IllegalStateException("no byte offset for a JSON token");
    }
    return (int) offset;
  }

  /** The offset after the closing quote of the string literal that starts at {@code start}. */
  private static int stringEnd(byte[] body, int start) {
    for (int i = start + 1; i < body.length; i++) {
      if (body[i] == '\\') {
        i++;
      } else if (body[i] == '"') {
        return i + 1;
      }
    }
    throw new IllegalStateException("unterminated string");
  }

  private static int numberEnd(byte[] body, int start) {
    int i = start;
    while (i < body.length && "+-0123456789.eE".indexOf(body[i]) >= 0) {
      i++;
    }
    return i;
  }

  private static String quoted(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }
}
