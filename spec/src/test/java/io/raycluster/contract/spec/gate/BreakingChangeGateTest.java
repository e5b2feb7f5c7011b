package io.raycluster.contract.spec.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.raycluster.contract.spec.ApiSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * The breaking-change gate: the spec must stay backward compatible with the released baseline
 * in {@code spec/baseline/}. An incompatible change (openapi-diff's verdict, plus any removed
 * response property: see {@link BreakingChangeGate}) fails {@code mvn verify} with openapi-diff's
 * report, unless the same change deliberately cuts a new baseline (see the README section
 * "When the vendor updates the documentation"). The full report is always written to
 * {@code spec/target/openapi-diff/} (Markdown and plain text).
 */
class BreakingChangeGateTest {
  @Test
  void currentSpec_isBackwardCompatibleWithReleasedBaseline() throws IOException {
    Path baseline = SpecDiff.baselineFile();
    assertTrue(Files.isRegularFile(baseline), "the released baseline is missing: " + baseline);

    // The rules are the released contract's: what its callers were told to tolerate.
    BreakingChangeGate.Rules rules =
        new BreakingChangeGate.Rules(ApiSpec.read(baseline).responseEnumsAreOpen());
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.check(
        SpecDiff.parse(baseline), SpecDiff.parse(SpecDiff.currentFile()), rules);
    ChangedOpenApi diff = verdict.diff();

    Path reports = SpecDiff.moduleDir().resolve("target/openapi-diff");
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("baseline-diff.md"), SpecDiff.markdown(diff), StandardCharsets.UTF_8);
    String text = verdict.report();
    Files.writeString(reports.resolve("baseline-diff.txt"), text, StandardCharsets.UTF_8);

    if (verdict.breaking()) {
      fail("The spec breaks the released contract in spec/" + SpecDiff.BASELINE + ".\n"
          + "If the break is intended, cut a new baseline in the same change:\n"
          + "  cp spec/src/main/resources/openapi/getraycluster.yaml spec/baseline/getraycluster.yaml\n"
          + "openapi-diff report (also in spec/target/openapi-diff/):\n" + text);
    }
  }
}
