package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Validates a page's JSON example against the success response of the operation it documents:
 * undeclared fields, type mismatches, values outside an enum. diff-doc reports each finding with
 * its JSON pointer. {@link EngineExampleChecker}, the conformance engine in strict mode, is the
 * one diff-doc uses; the seam exists for tests.
 */
@FunctionalInterface
public interface ExampleChecker {
  /** Findings for the example of {@code operation}'s success response; empty when it conforms. */
  List<ExampleFinding> check(SpecContract.Operation operation, JsonNode example);
}
