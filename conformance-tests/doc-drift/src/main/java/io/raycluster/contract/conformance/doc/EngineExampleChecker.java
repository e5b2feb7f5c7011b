package io.raycluster.contract.conformance.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.ResponseValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The page's JSON example checked by the conformance engine in strict mode, as a 200 body:
 * undeclared fields, type mismatches and values outside an enum, each with its JSON pointer.
 * The engine is built on first use, so registering the command costs nothing.
 */
public final class EngineExampleChecker implements ExampleChecker {
  private final Supplier<ResponseValidator> engine;
  private volatile ResponseValidator built;

  public EngineExampleChecker(Supplier<ResponseValidator> engine) {
    this.engine = engine;
  }

  /** A checker over the engine for this project's spec. */
  public static EngineExampleChecker fromSpec() {
    return new EngineExampleChecker(ResponseValidator::fromSpec);
  }

  @Override
  public List<ExampleFinding> check(JsonNode example) {
    ResponseValidator e = built;
    if (e == null) {
      e = engine.get();
      built = e;
    }
    List<ExampleFinding> out = new ArrayList<>();
    for (Finding f : e.validate(200, example, Mode.STRICT).findings()) {
      out.add(new ExampleFinding(f.pointer(), f.message()));
    }
    return out;
  }
}
