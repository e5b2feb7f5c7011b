package io.raycluster.contract.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration the client reads and writes the generated models with. It is
 * forward compatible: a field the spec does not declare is ignored, and a {@code state} the
 * spec does not list becomes {@code UNKNOWN_DEFAULT_OPEN_API} (the generator's unknown-enum
 * handling), so a vendor adding either does not break callers.
 */
public final class RayClusterJson {
  private RayClusterJson() {}

  /** A new mapper with the client's settings; mappers are thread-safe once configured. */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        // A body that is JSON followed by something else is not a response we understand.
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }
}
