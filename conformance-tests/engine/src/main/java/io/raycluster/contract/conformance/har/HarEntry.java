package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** One recorded exchange: the request, the response, and when and how long it took. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarEntry(
    String pageref,
    String startedDateTime,
    Double time,
    HarRequest request,
    HarResponse response,
    JsonNode cache,
    JsonNode timings,
    String serverIPAddress,
    String connection,
    String comment) {

  /** An entry for a recording: {@code time} in milliseconds, timings left as "not measured". */
  public static HarEntry of(String startedDateTime, double timeMillis, HarRequest request, HarResponse response) {
    com.fasterxml.jackson.databind.node.ObjectNode timings =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            .put("send", 0).put("wait", timeMillis).put("receive", 0);
    return new HarEntry(null, startedDateTime, timeMillis, request, response,
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), timings,
        null, null, null);
  }
}
