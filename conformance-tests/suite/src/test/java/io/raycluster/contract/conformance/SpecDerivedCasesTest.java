package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecFixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases {@link DerivedCases} reads out of the spec, for the bundled spec (today's contract,
 * whatever it says) and for the fixture spec (four operations of the project's own). Each case
 * runs leniently and strictly, on bytes and on a parsed tree, with the fast path on and off.
 */
class SpecDerivedCasesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicNode> bundledSpec() {
    return cases(ApiSpec.bundled());
  }

  @TestFactory
  Stream<DynamicNode> fixtureSpec() {
    return cases(SpecFixtures.rayJobs());
  }

  private static Stream<DynamicNode> cases(ApiSpec spec) {
    ResponseValidator fast = ResponseValidator.forSpec(spec);
    ResponseValidator full = ResponseValidator.builder().spec(spec).fastPath(false).build();
    List<DerivedCases.Case> cases = DerivedCases.of(spec);
    assertFalse(cases.isEmpty(), spec.source() + " gives no case");
    return Stream.of(DynamicContainer.dynamicContainer(spec.source() + " (" + cases.size() + " cases)",
        cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          byte[] bytes = JSON.writeValueAsBytes(c.body());
          for (ResponseValidator engine : List.of(fast, full)) {
            String how = engine == fast ? "fast path on" : "fast path off";
            check(c, how + ", lenient, bytes", engine.validate(c.operation(), c.status(), bytes, Mode.LENIENT), c.lenient());
            check(c, how + ", strict, bytes", engine.validate(c.operation(), c.status(), bytes, Mode.STRICT), c.strict());
            check(c, how + ", lenient, tree", engine.validate(c.operation(), c.status(), c.body(), Mode.LENIENT), c.lenient());
            check(c, how + ", strict, tree", engine.validate(c.operation(), c.status(), c.body(), Mode.STRICT), c.strict());
          }
        }))));
  }

  private static void check(DerivedCases.Case c, String how, ValidationResult r, DerivedCases.Expect expect) {
    String findings = r.findings().stream().map(f -> f + " [" + f.keyword() + "]").toList().toString();
    String what = how + ", body " + c.body() + "\nfindings " + findings;
    assertEquals(expect.pointers(), r.findings().stream().map(Finding::pointer).sorted().toList(), what);
    assertEquals(expect.keywords(), r.findings().stream().map(Finding::keyword).sorted().toList(), what);
    assertEquals(expect.pointers().isEmpty() ? Verdict.VALID : Verdict.INVALID, r.verdict(), what);
    if (expect.message() != null) {
      assertTrue(r.findings().get(0).message().contains(expect.message()),
          "'" + expect.message() + "' in " + what);
    }
    if (expect.hidden() != null) {
      assertFalse(findings.contains(expect.hidden()), "a secret shows in " + findings);
    }
  }
}
