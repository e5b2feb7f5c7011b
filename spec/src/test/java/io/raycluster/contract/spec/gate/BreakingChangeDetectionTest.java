package io.raycluster.contract.spec.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.spec.SpecFixtures;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the gate on the fixture spec (a spec of the project's own, so these verdicts do not
 * move when the vendor's contract does): each case edits a copy in one way and checks that the
 * gate classifies the edit as a caller of the generated client would. If an openapi-diff upgrade
 * changed these verdicts, the gate would silently stop protecting callers.
 */
@SuppressWarnings({"rawtypes", "unchecked"}) // swagger-models' Schema is a raw generic type
class BreakingChangeDetectionTest {
  static final String ONE_JOB = "/api/v1/workspaces/{workspaceId}/rayJobs/{jobId}";
  static final BreakingChangeGate.Rules OPEN_ENUMS = new BreakingChangeGate.Rules(true);
  static final BreakingChangeGate.Rules CLOSED_ENUMS = new BreakingChangeGate.Rules(false);

  static Stream<Arguments> incompatibleChanges() {
    return Stream.of(
        Arguments.of("a response field is removed", OPEN_ENUMS, edit(api ->
            schema(api, "RayJob").getProperties().remove("startTime"))),
        Arguments.of("a nested response field is removed", OPEN_ENUMS, edit(api ->
            property(api, "RayJob", "driver").getProperties().remove("exitCode"))),
        Arguments.of("a response field changes type (integer to string)", OPEN_ENUMS, edit(api ->
            schema(api, "RayJob").getProperties().put("attempts", new StringSchema()))),
        Arguments.of("a response field changes type (string to integer)", OPEN_ENUMS, edit(api ->
            schema(api, "RayJob").getProperties().put("entrypoint", new IntegerSchema()))),
        Arguments.of("a response enum value is removed", OPEN_ENUMS, edit(api ->
            schema(api, "RayJobState").getEnum().remove("Stopped"))),
        Arguments.of("a response enum value is added, and the contract does not say enums are open",
            CLOSED_ENUMS, edit(api -> schema(api, "RayJobState").addEnumItemObject("Queued"))),
        Arguments.of("a required query parameter is added", OPEN_ENUMS, edit(api ->
            get(api).addParametersItem(new QueryParameter()
                .name("regionId").required(true).schema(new StringSchema())))),
        Arguments.of("a request body property becomes required", OPEN_ENUMS, edit(api ->
            schema(api, "RayJobSubmission").addRequiredItem("runtimeEnv"))),
        Arguments.of("the path changes", OPEN_ENUMS, edit(api ->
            api.getPaths().put(ONE_JOB.replace("/v1/", "/v2/"), api.getPaths().remove(ONE_JOB)))));
  }

  static Stream<Arguments> compatibleChanges() {
    return Stream.of(
        Arguments.of("an optional response field is added", edit(api ->
            schema(api, "RayJob").addProperty("diskSize", new StringSchema()))),
        Arguments.of("an optional nested response field is added", edit(api ->
            schema(api, "RayJobSummary").addProperty("diskSize", new StringSchema()))),
        Arguments.of("a response enum value is added (the contract says enums are open)", edit(api ->
            schema(api, "RayJobState").addEnumItemObject("Queued"))),
        Arguments.of("an optional query parameter is added", edit(api ->
            get(api).addParametersItem(new QueryParameter()
                .name("verbose").required(false).schema(new StringSchema())))),
        Arguments.of("an operation is added", edit(api ->
            api.getPaths().addPathItem("/api/v1/workspaces/{workspaceId}/rayJobs/{jobId}/logs",
                new PathItem().get(new Operation().operationId("getRayJobLogs")
                    .responses(new ApiResponses()))))),
        Arguments.of("a description is reworded", edit(api ->
            schema(api, "RayJob").setDescription("Reworded."))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incompatibleChanges")
  void gate_whenChangeBreaksCallers_reportsIncompatible(String change, BreakingChangeGate.Rules rules,
      Consumer<OpenAPI> edit) {
    BreakingChangeGate.Verdict verdict = verdictAfter(edit, rules);

    assertTrue(verdict.breaking(), change + " must be breaking:\n" + verdict.report());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compatibleChanges")
  void gate_whenChangeKeepsCallersWorking_reportsCompatible(String change, Consumer<OpenAPI> edit) {
    BreakingChangeGate.Verdict verdict = verdictAfter(edit, OPEN_ENUMS);

    assertTrue(verdict.diff().isDifferent(), change + " must be seen as a change");
    assertFalse(verdict.breaking(), change + " must not be breaking:\n" + verdict.report());
  }

  @Test
  void gate_whenNothingChanged_reportsNoChange() {
    BreakingChangeGate.Verdict verdict = verdictAfter(api -> {}, OPEN_ENUMS);

    assertTrue(verdict.diff().isUnchanged(), verdict.report());
    assertFalse(verdict.breaking());
  }

  @Test
  void gateReport_whenNestedFieldRemoved_namesItsPointerAndTheOperation() {
    BreakingChangeGate.Verdict verdict = verdictAfter(
        api -> property(api, "RayJob", "driver").getProperties().remove("exitCode"), OPEN_ENUMS);

    assertEquals(List.of("GET " + ONE_JOB + " 200 application/json /driver/exitCode"),
        verdict.removedResponseProperties());
    assertTrue(verdict.report().contains("/driver/exitCode"), verdict.report());
  }

  @Test
  void gateReport_whenEnumValueRemoved_namesTheValue() {
    BreakingChangeGate.Verdict verdict = verdictAfter(
        api -> schema(api, "RayJobState").getEnum().remove("Stopped"), OPEN_ENUMS);

    assertTrue(verdict.removedEnumValues().contains("GET " + ONE_JOB + " 200 application/json /state [Stopped]"),
        verdict.removedEnumValues().toString());
  }

  @Test
  void gateReport_whenTypeChanged_isOpenApiDiffsReport() {
    BreakingChangeGate.Verdict verdict = verdictAfter(
        api -> schema(api, "RayJob").getProperties().put("attempts", new StringSchema()), OPEN_ENUMS);

    assertTrue(verdict.diff().isIncompatible());
    assertTrue(verdict.report().contains(ONE_JOB), verdict.report());
  }

  @Test
  void baseline_isAValidOpenApiDocument() {
    OpenAPI baseline = SpecDiff.parse(SpecDiff.baselineFile());

    assertTrue(baseline.getOpenapi().startsWith("3.0"));
  }

  private static BreakingChangeGate.Verdict verdictAfter(Consumer<OpenAPI> edit, BreakingChangeGate.Rules rules) {
    String fixture = SpecFixtures.text(SpecFixtures.RAY_JOBS);
    OpenAPI old = SpecDiff.parseText(fixture, SpecFixtures.RAY_JOBS);
    OpenAPI changed = SpecDiff.parseText(fixture, SpecFixtures.RAY_JOBS);
    edit.accept(changed);
    return BreakingChangeGate.check(old, changed, rules);
  }

  private static Consumer<OpenAPI> edit(Consumer<OpenAPI> edit) {
    return edit;
  }

  private static Schema schema(OpenAPI api, String name) {
    return api.getComponents().getSchemas().get(name);
  }

  private static Schema property(OpenAPI api, String schema, String name) {
    return (Schema) schema(api, schema).getProperties().get(name);
  }

  private static Operation get(OpenAPI api) {
    return api.getPaths().get(ONE_JOB).getGet();
  }
}
