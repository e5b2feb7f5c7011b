package io.raycluster.contract.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.auth.Redaction;
import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Turns one HTTP response into a model or the exception it stands for. Every failure becomes a
 * {@link RayClusterException}; no Jackson or I/O exception escapes raw. Everything the server
 * said that goes into an exception (the body's start, the vendor error's fields, the
 * {@code Location}, the {@code Content-Type}, the request id header) is masked with the client's
 * {@link Redaction}: the spec's secrets and the credential values the client signed with.
 */
final class ResponseHandler<T> {
  /** The header the vendor's gateway puts its request id in. */
  static final String REQUEST_ID_HEADER = "x-acs-request-id";

  private final ObjectMapper mapper;
  private final Class<T> type;
  private final long maxBodyBytes;
  private final Redaction redaction;

  ResponseHandler(ObjectMapper mapper, Class<T> type, long maxBodyBytes, Redaction redaction) {
    this.mapper = mapper;
    this.type = type;
    this.maxBodyBytes = maxBodyBytes;
    this.redaction = redaction;
  }

  T handle(Response response) {
    int status = response.code();
    byte[] body;
    try {
      body = readBody(response);
    } catch (BodyTooLargeException e) {
      throw new UnexpectedResponseException(
          "response larger than " + maxBodyBytes + " bytes", status, masked(response.header("Content-Type")),
          snippet(e.start), masked(response.header(REQUEST_ID_HEADER)), e.getCause());
    } catch (IOException e) {
      throw new TransportException(
          "Reading the body of HTTP " + status + " from " + response.request().url().encodedPath(), e, redaction);
    }

    if (status >= 200 && status < 300) {
      T value = bound(body);
      if (value != null) {
        return value;
      }
    }
    // What goes into an exception is masked only when there is one (masking is a regex pass).
    String contentType = masked(response.header("Content-Type"));
    String headerRequestId = masked(response.header(REQUEST_ID_HEADER));
    if (status >= 200 && status < 300) {
      return success(status, contentType, headerRequestId, body);
    }
    if (status >= 300 && status < 400) {
      throw redirect(response, status, contentType, headerRequestId, body);
    }
    throw failure(response, status, contentType, headerRequestId, body);
  }

  /**
   * A 3xx: the client follows no redirect (a signed request goes to the endpoint only), so it is
   * an unusable answer, whatever its body says.
   */
  private UnexpectedResponseException redirect(
      Response response, int status, String contentType, String headerRequestId, byte[] body) {
    String location = response.header("Location");
    String problem = location == null
        ? "a redirect without a Location header, not followed"
        : "a redirect to " + Snippets.of(location, redaction) + ", not followed (a signed request is only ever sent "
            + "to the endpoint)";
    return new UnexpectedResponseException(problem, status, contentType, snippet(body), headerRequestId, null);
  }

  /**
   * The body bound straight to the model, in one pass: the common case. Null when that fails or
   * gives no object; {@link #success} then takes the body apart again (a tree first) to say
   * exactly what is wrong, so the outcome of a bad body is the same either way.
   */
  private T bound(byte[] body) {
    try {
      return mapper.readValue(body, type);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private T success(int status, String contentType, String headerRequestId, byte[] body) {
    if (isBlank(body)) {
      throw new UnexpectedResponseException(
          "expected a JSON " + type.getSimpleName() + " but the body is empty", status, contentType,
          "", headerRequestId, null);
    }
    try {
      JsonNode tree = mapper.readTree(body);
      if (!tree.isObject()) {
        throw new UnexpectedResponseException(
            "expected a JSON object (" + type.getSimpleName() + ") but found " + kind(tree),
            status, contentType, snippet(body), headerRequestId, null);
      }
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new UnexpectedResponseException(
          "the body is not a valid " + type.getSimpleName() + ": " + Snippets.parserMessage(e.getOriginalMessage(), redaction),
          status, contentType, snippet(body), headerRequestId, null);
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnexpectedResponseException) {
        throw (UnexpectedResponseException) e;
      }
      throw new UnexpectedResponseException(
          "the body cannot be read as " + type.getSimpleName() + ": " + Snippets.parserMessage(e.getMessage(), redaction),
          status, contentType, snippet(body), headerRequestId, null);
    }
  }

  private RayClusterException failure(
      Response response, int status, String contentType, String headerRequestId, byte[] body) {
    if (isBlank(body)) {
      return new UnexpectedResponseException(
          "error response without the vendor's error body", status, contentType, "",
          headerRequestId, null);
    }
    return VendorErrorBody.parse(body)
        .<RayClusterException>map(parsed -> VendorErrorException.of(
            status, parsed.withRequestIdFallback(headerRequestId).masked(redaction), response.headers()))
        // Not the vendor's JSON (an HTML page from a proxy, plain text, broken JSON): reported
        // with the start of the body.
        .orElseGet(() -> new UnexpectedResponseException(
            "error response that is not the vendor's JSON error body", status, contentType,
            snippet(body), headerRequestId, null));
  }

  private byte[] readBody(Response response) throws IOException {
    ResponseBody responseBody = response.body();
    if (responseBody == null) {
      return new byte[0];
    }
    BufferedSource source = responseBody.source();
    try {
      // The client's ResponseLimitInterceptor fails one byte past the limit. request(n) buffers
      // at most n bytes and returns false at the end of the body: it holds the limit as well
      // should a caller's interceptor have replaced the bounded body.
      if (source.request(maxBodyBytes == Long.MAX_VALUE ? Long.MAX_VALUE : maxBodyBytes + 1)) {
        throw new BodyTooLargeException(start(source), new ResponseTooLargeException(maxBodyBytes));
      }
    } catch (ResponseTooLargeException e) {
      throw new BodyTooLargeException(start(source), e);
    }
    return source.getBuffer().readByteArray();
  }

  /** The start of what was read before the limit, enough for a masked snippet. */
  private static byte[] start(BufferedSource source) {
    Buffer read = source.getBuffer();
    Buffer start = new Buffer();
    read.copyTo(start, 0, Math.min(read.size(), Snippets.MASK_WINDOW_BYTES));
    return start.readByteArray();
  }

  private String snippet(byte[] body) {
    return Snippets.of(body, redaction);
  }

  private String masked(String headerValue) {
    return headerValue == null ? null : Snippets.of(headerValue, redaction);
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /** The body passed the limit; {@code start} is what was read of it, the cause says how much. */
  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    final transient byte[] start;

    BodyTooLargeException(byte[] start, ResponseTooLargeException cause) {
      super(cause.getMessage(), cause);
      this.start = start;
    }
  }
}
