package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.ResponseValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The page's JSON example checked by the conformance engine in strict mode, as a {@code 200}
 * body of the operation the page documents: undeclared fields, type mismatches and values outside
 * an enum, each with its JSON pointer.
 */
public final class EngineExampleChecker implements ExampleChecker {
  private final ResponseValidator engine;

  public EngineExampleChecker(ResponseValidator engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public List<ExampleFinding> check(SpecContract.Operation operation, JsonNode example) {
    List<ExampleFinding> out = new ArrayList<>();
    for (Finding f : engine.validate(operation.spec(), 200, example, Mode.STRICT).findings()) {
      out.add(new ExampleFinding(f.pointer(), f.message()));
    }
    return out;
  }
}
