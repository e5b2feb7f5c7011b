package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates the page's JSON example against the spec's success response, in strict mode:
 * undeclared fields, type mismatches, values outside an enum. diff-doc reports each finding with
 * its JSON pointer.
 *
 * <p>The conformance engine is the real implementation (it is plugged in where the CLI registers
 * {@link DiffDocCommand}); {@link SpecEnumChecker} checks enum values only.
 */
@FunctionalInterface
public interface ExampleChecker {
  /** Findings for the example (a 200 GetRayCluster body); an empty list when it conforms. */
  List<ExampleFinding> check(JsonNode example);

  /** A checker that finds nothing. */
  static ExampleChecker none() {
    return example -> List.of();
  }

  /** This checker's findings followed by {@code other}'s, duplicates (same pointer and message) once. */
  default ExampleChecker and(ExampleChecker other) {
    return example -> {
      List<ExampleFinding> all = new ArrayList<>(check(example));
      for (ExampleFinding f : other.check(example)) {
        if (!all.contains(f)) {
          all.add(f);
        }
      }
      return List.copyOf(all);
    };
  }
}
