package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A header or query parameter: {@code name} and {@code value}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarHeader(String name, String value, String comment) {
  public static HarHeader of(String name, String value) {
    return new HarHeader(name, value, null);
  }
}
