package io.raycluster.contract.conformance.har;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code log}: the version, the tool that wrote it and the recorded entries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HarLog(
    String version,
    HarCreator creator,
    HarCreator browser,
    JsonNode pages,
    List<HarEntry> entries,
    String comment) {}
