package io.raycluster.contract.spec.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the gate: each case edits a copy of the current spec in one way and checks that
 * openapi-diff classifies the edit as a caller would (breaking or not). If an openapi-diff
 * upgrade changed these verdicts, the gate would silently stop protecting callers.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' Schema is a raw generic type
class BreakingChangeDetectionTest {
  static final String PATH = "/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}";

  static Stream<Arguments> incompatibleChanges() {
    return Stream.of(
        Arguments.of("a response field is removed", edit(api ->
            schema(api, "RayCluster").getProperties().remove("jobUrlInner"))),
        Arguments.of("a nested response field is removed", edit(api ->
            schema(api, "RayNodeInstance").getProperties().remove("containerExitCode"))),
        Arguments.of("a response field changes type (integer to string)", edit(api ->
            schema(api, "HeadNodeSpec").getProperties().put("replica", new StringSchema()))),
        Arguments.of("a response field changes type (string to integer)", edit(api ->
            schema(api, "RayCluster").getProperties().put("creator", new IntegerSchema()))),
        Arguments.of("a required query parameter is added", edit(api ->
            operation(api).addParametersItem(new QueryParameter()
                .name("regionId").required(true).schema(new StringSchema())))),
        Arguments.of("the path changes", edit(api ->
            api.getPaths().put("/api/v2/workspaces/{workspaceId}/rayCluster/{clusterId}",
                api.getPaths().remove(PATH)))));
  }

  static Stream<Arguments> compatibleChanges() {
    return Stream.of(
        Arguments.of("an optional response field is added", edit(api ->
            schema(api, "RayCluster").addProperty("diskSize", new StringSchema()))),
        Arguments.of("an optional nested response field is added", edit(api ->
            schema(api, "WorkerGroupSpec").addProperty("diskSize", new StringSchema()))),
        Arguments.of("an optional query parameter is added", edit(api ->
            operation(api).addParametersItem(new QueryParameter()
                .name("verbose").required(false).schema(new StringSchema())))),
        Arguments.of("a description is reworded", edit(api ->
            schema(api, "RayCluster").setDescription("Reworded."))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompatibleChanges")
  void gate_whenChangeBreaksCallers_reportsIncompatible(String change, Consumer<OpenAPI> edit) {
    BreakingChangeGate.Verdict verdict = verdictAfter(edit);

    assertTrue(verdict.breaking(), change + " must be breaking:\n" + verdict.report());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compatibleChanges")
  void gate_whenChangeKeepsCallersWorking_reportsCompatible(String change, Consumer<OpenAPI> edit) {
    BreakingChangeGate.Verdict verdict = verdictAfter(edit);

    assertTrue(verdict.diff().isDifferent(), change + " must be seen as a change");
    assertFalse(verdict.breaking(), change + " must not be breaking:\n" + verdict.report());
  }

  @Test
  void gate_whenNothingChanged_reportsNoChange() {
    BreakingChangeGate.Verdict verdict = verdictAfter(api -> {});

    assertTrue(verdict.diff().isUnchanged(), verdict.report());
    assertFalse(verdict.breaking());
  }

  @Test
  void gateReport_whenNestedFieldRemoved_namesItsPointerAndTheOperation() {
    BreakingChangeGate.Verdict verdict = verdictAfter(
        api -> schema(api, "RayNodeInstance").getProperties().remove("containerExitCode"));

    assertEquals(List.of("GET " + PATH + " 200 application/json /instances/*/containerExitCode"),
        verdict.removedResponseProperties());
    assertTrue(verdict.report().contains("/instances/*/containerExitCode"), verdict.report());
  }

  @Test
  void gateReport_whenTypeChanged_isOpenApiDiffsReport() {
    BreakingChangeGate.Verdict verdict = verdictAfter(
        api -> schema(api, "HeadNodeSpec").getProperties().put("replica", new StringSchema()));

    assertTrue(verdict.diff().isIncompatible());
    assertTrue(verdict.report().contains(PATH), verdict.report());
  }

  @Test
  void baseline_isAValidOpenApiDocument() {
    OpenAPI baseline = SpecDiff.parse(SpecDiff.baselineFile());

    assertEquals("3.0.3", baseline.getOpenapi());
  }

  private static BreakingChangeGate.Verdict verdictAfter(Consumer<OpenAPI> edit) {
    OpenAPI old = SpecDiff.parse(SpecDiff.currentFile());
    OpenAPI changed = SpecDiff.parse(SpecDiff.currentFile());
    edit.accept(changed);
    return BreakingChangeGate.check(old, changed);
  }

  private static Consumer<OpenAPI> edit(Consumer<OpenAPI> edit) {
    return edit;
  }

  private static Schema schema(OpenAPI api, String name) {
    return api.getComponents().getSchemas().get(name);
  }

  private static Operation operation(OpenAPI api) {
    return api.getPaths().get(PATH).getGet();
  }
}
