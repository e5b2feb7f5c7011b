package io.raycluster.contract.spec.gate;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;

/**
 * The verdict of the breaking-change gate: openapi-diff's own classification, plus one rule of
 * this project that openapi-diff does not have.
 *
 * <p>openapi-diff treats the removal of an <em>optional</em> response property as compatible
 * (a caller must tolerate its absence on the wire). For this project it is a break: the
 * generated client loses the property's getter, so callers stop compiling, and recorded
 * responses that hold the field start failing strict conformance. The rule walks openapi-diff's
 * own change model (no second diff engine) and lists every response property the baseline
 * declares and the current spec no longer does.
 */
final class BreakingChangeGate {
  /** What the gate decided and why, readable as it is. */
  record Verdict(ChangedOpenApi diff, List<String> removedResponseProperties) {
    boolean breaking() {
      return diff.isIncompatible() || !removedResponseProperties.isEmpty();
    }

    String report() {
      StringBuilder out = new StringBuilder();
      if (!removedResponseProperties.isEmpty()) {
        out.append("Response properties removed (breaks generated-client callers):\n");
        removedResponseProperties.forEach(p -> out.append("  - ").append(p).append('\n'));
        out.append('\n');
      }
      out.append(SpecDiff.console(diff));
      return out.toString();
    }
  }

  private BreakingChangeGate() {}

  static Verdict check(OpenAPI baseline, OpenAPI current) {
    ChangedOpenApi diff = SpecDiff.compare(baseline, current);
    List<String> removed = new ArrayList<>();
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
              removed, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
      }
    }
    return new Verdict(diff, List.copyOf(removed));
  }

  private static void collectRemoved(ChangedSchema schema, String prefix, String pointer,
      List<String> out, Set<ChangedSchema> seen) {
    if (schema == null || !seen.add(schema)) {
      return;
    }
    for (String name : schema.getMissingProperties().keySet()) {
      out.add(prefix + pointer + "/" + name);
    }
    for (Map.Entry<String, ChangedSchema> property : schema.getChangedProperties().entrySet()) {
      collectRemoved(property.getValue(), prefix, pointer + "/" + property.getKey(), out, seen);
    }
    collectRemoved(schema.getItems(), prefix, pointer + "/*", out, seen);
  }
}
