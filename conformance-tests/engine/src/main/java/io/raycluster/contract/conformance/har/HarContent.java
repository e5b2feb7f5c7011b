package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A response body: {@code text}, possibly base64 ({@code encoding}), with its MIME type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarContent(
    Long size, Long compression, String mimeType, String text, String encoding, String comment) {

  public static HarContent text(String mimeType, String text) {
    return new HarContent((long) text.getBytes(StandardCharsets.UTF_8).length, null, mimeType, text, null, null);
  }

  /**
   * The body's bytes: {@code text} decoded from base64 when {@code encoding} says so, else its
   * UTF-8 bytes; empty when the recorder left the body out.
   *
   * @throws IllegalArgumentException when the text is not valid base64
   */
  public Optional<byte[]> bytes() {
    if (text == null) {
      return Optional.empty();
    }
    if ("base64".equalsIgnoreCase(encoding)) {
      return Optional.of(Base64.getMimeDecoder().decode(text));
    }
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
