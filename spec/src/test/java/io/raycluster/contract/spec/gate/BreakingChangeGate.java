package io.raycluster.contract.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;

/**
 * The verdict of the breaking-change gate: openapi-diff's classification, configured by the
 * compatibility decisions the released contract states, plus two rules of this project that
 * openapi-diff does not have.
 *
 * <ul>
 *   <li><b>Open response enums.</b> When the baseline declares {@code x-compatibility:
 *       responseEnumsAreOpen: true}, callers were told to tolerate unknown enum values (the
 *       client maps them to an unknown constant), so a new value in a response enum is compatible
 *       (openapi-diff's {@code incompatible.response.enum.increased} is turned off).
 *   <li><b>Removed response properties</b>, optional ones included, break: the generated client
 *       loses the getter, so callers stop compiling, and recorded responses that hold the field
 *       start failing strict conformance. openapi-diff accepts removing an optional property.
 *   <li><b>Removed response enum values</b> break for the same reason: the generated enum loses
 *       its constant. openapi-diff accepts them (the server sends fewer values).
 * </ul>
 *
 * Both rules walk openapi-diff's own change model; there is no second diff engine.
 */
final class BreakingChangeGate {
  /** What the released contract promises its callers ({@code x-compatibility}). */
  record Rules(boolean responseEnumsAreOpen) {}

  /** What the gate decided and why, readable as it is. */
  record Verdict(ChangedOpenApi diff, List<String> removedResponseProperties, List<String> removedEnumValues) {
    boolean breaking() {
      return diff.isIncompatible() || !removedResponseProperties.isEmpty() || !removedEnumValues.isEmpty();
    }

    String report() {
      StringBuilder out = new StringBuilder();
      if (!removedResponseProperties.isEmpty()) {
        out.append("Response properties removed (breaks generated-client callers):\n");
        removedResponseProperties.forEach(p -> out.append("  - ").append(p).append('\n'));
        out.append('\n');
      }
      if (!removedEnumValues.isEmpty()) {
        out.append("Response enum values removed (breaks generated-client callers):\n");
        removedEnumValues.forEach(p -> out.append("  - ").append(p).append('\n'));
        out.append('\n');
      }
      out.append(SpecDiff.console(diff));
      return out.toString();
    }
  }

  private BreakingChangeGate() {}

  static Verdict check(OpenAPI baseline, OpenAPI current, Rules rules) {
    OpenApiDiffOptions.Builder options = OpenApiDiffOptions.builder();
    if (rules.responseEnumsAreOpen()) {
      options.configProperty("incompatible.response.enum.increased", "false");
    }
    ChangedOpenApi diff = SpecDiff.compare(baseline, current, options.build());
    List<String> removed = new ArrayList<>();
    List<String> removedValues = new ArrayList<>();
    for (ChangedOperation operation : diff.getChangedOperations()) {
      ChangedApiResponse responses = operation.getApiResponses();
      if (responses == null) {
        continue;
      }
      String where = operation.getHttpMethod() + " " + operation.getPathUrl();
      for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
        if (response.getValue().getContent() == null) {
          continue;
        }
        for (Map.Entry<String, ChangedMediaType> media :
            response.getValue().getContent().getChanged().entrySet()) {
          collectRemoved(media.getValue().getSchema(),
              where + " " + response.getKey() + " " + media.getKey() + " ", "",
              removed, removedValues, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
      }
    }
    return new Verdict(diff, List.copyOf(removed), List.copyOf(removedValues));
  }

  private static void collectRemoved(ChangedSchema schema, String prefix, String pointer,
      List<String> properties, List<String> enumValues, Set<ChangedSchema> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    for (String name : schema.getMissingProperties().keySet()) {
      properties.add(prefix + pointer + "/" + name);
    }
    if (schema.getEnumeration() != null && !schema.getEnumeration().getMissing().isEmpty()) {
      enumValues.add(prefix + (pointer.isEmpty() ? "/" : pointer) + " " + schema.getEnumeration().getMissing());
    }
    for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
      collectRemoved(property.getValue(), prefix, pointer + "/" + property.getKey(), properties, enumValues, seen);
    }
    collectRemoved(schema.getItems(), prefix, pointer + "/*", properties, enumValues, seen);
  }
}
