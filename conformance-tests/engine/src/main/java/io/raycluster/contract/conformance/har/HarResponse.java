package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The recorded response: status, headers and body ({@link HarContent}); what a replay serves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarResponse(
    Integer status,
    String statusText,
    String httpVersion,
    JsonNode cookies,
    List<HarHeader> headers,
    HarContent content,
    String redirectURL,
    Long headersSize,
    Long bodySize,
    String comment) {

  /** A response with a UTF-8 text body of type {@code mimeType}. */
  public static HarResponse of(int status, String statusText, List<HarHeader> headers, String mimeType, String body) {
    HarContent content = HarContent.text(mimeType, body);
    return new HarResponse(status, statusText, "HTTP/1.1",
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(),
        List.copyOf(headers), content, "", -1L, content.size(), null);
  }

  /** This response with {@code redirectURL} set (HAR's copy of a redirect's {@code Location}). */
  public HarResponse withRedirectURL(String url) {
    return new HarResponse(status, statusText, httpVersion, cookies, headers, content,
        url == null ? "" : url, headersSize, bodySize, comment);
  }

  /** The first header with this name, ignoring case. */
  public Optional<String> header(String name) {
    if (headers == null) {
      return Optional.empty();
    }
    return headers.stream()
        .filter(h -> h.name() != null && h.name().equalsIgnoreCase(name))
        .map(HarHeader::value)
        .findFirst();
  }
}
