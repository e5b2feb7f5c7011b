package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The recorded request. {@code postData} and {@code cookies} are kept as read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarRequest(
    String method,
    String url,
    String httpVersion,
    JsonNode cookies,
    List<HarHeader> headers,
    List<HarHeader> queryString,
    JsonNode postData,
    Long headersSize,
    Long bodySize,
    String comment) {

  /** A request without a body (GetRayCluster sends none). */
  public static HarRequest of(String method, String url, List<HarHeader> headers) {
    return new HarRequest(method, url, "HTTP/1.1",
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode(),
        List.copyOf(headers), List.of(), null, -1L, 0L, null);
  }
}
