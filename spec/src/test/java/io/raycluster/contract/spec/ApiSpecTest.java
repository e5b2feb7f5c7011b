package io.raycluster.contract.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader, on the fixture spec (exact facts) and on the bundled spec (invariants only). */
class ApiSpecTest {
  static final ApiSpec JOBS = SpecFixtures.rayJobs();
  static final String ONE_JOB = "/api/v1/workspaces/{workspaceId}/rayJobs/{jobId}";

  @Test
  void operations_areReadInDocumentOrder_withTheirVendorNames() {
    assertEquals(List.of("listRayJobs", "submitRayJob", "getRayJob", "cancelRayJob"),
        JOBS.operations().stream().map(SpecOperation::operationId).toList());
    SpecOperation cancel = JOBS.requireOperation("cancelRayJob");
    assertEquals("DELETE", cancel.method());
    assertEquals(ONE_JOB, cancel.pathTemplate());
    assertEquals("CancelRayJob", cancel.action());
    assertEquals("2024-01-01", cancel.version());
    assertEquals("ray-jobs", cancel.product());
    assertEquals("ROA", cancel.style());
  }

  @Test
  void parameters_pathLevelAndOperationLevel_refsFollowed() {
    SpecOperation list = JOBS.requireOperation("listRayJobs");
    assertEquals(List.of("path workspaceId", "query pageSize", "query state", "query nextToken"),
        list.parameters().stream().map(p -> p.in() + " " + p.name()).toList());
    SpecParameter state = list.parameters().get(2);
    assertEquals("string", state.type());
    assertEquals("/components/schemas/RayJobState", state.schemaPointer());
    assertFalse(state.required());
    assertTrue(list.parameters().get(0).required(), "path parameters are required");
  }

  @Test
  void requestBody_isFoundThroughItsRef() {
    SpecOperation submit = JOBS.requireOperation("submitRayJob");
    assertEquals("/components/schemas/RayJobSubmission", submit.requestBodySchemaPointer());
    assertTrue(submit.requestBodyRequired());
    assertNull(JOBS.requireOperation("getRayJob").requestBodySchemaPointer());
  }

  @Test
  void responseFor_exactThenRangeThenNothing() {
    SpecOperation get = JOBS.requireOperation("getRayJob");
    assertEquals("/components/schemas/RayJob", get.schemaPointerFor(200).orElseThrow());
    assertEquals("RayJob.NotFound", get.responseFor(404).orElseThrow().example().get("Code").asText());
    assertEquals("/components/schemas/VendorError", get.schemaPointerFor(403).orElseThrow());
    assertEquals("/components/schemas/VendorError", get.schemaPointerFor(503).orElseThrow());
    assertTrue(get.responseFor(302).isEmpty());
    assertEquals(List.of("200", "404", "4XX", "5XX"), get.responseKeys());
  }

  @Test
  void inlineResponseSchema_pointsIntoTheOperation() {
    SpecOperation submit = JOBS.requireOperation("submitRayJob");
    assertEquals("/paths/~1api~1v1~1workspaces~1{workspaceId}~1rayJobs/post/responses/200/content/application~1json/schema",
        submit.schemaPointerFor(200).orElseThrow());
  }

  @Test
  void match_byMethodAndPath_decodesVariables() {
    ApiSpec.Match m = JOBS.match("delete", "/api/v1/workspaces/w%201/rayJobs/job%2F7").orElseThrow();
    assertEquals("cancelRayJob", m.operation().operationId());
    assertEquals(Map.of("workspaceId", "w 1", "jobId", "job/7"), m.pathVariables());
    assertEquals("listRayJobs", JOBS.match("GET", "/api/v1/workspaces/w/rayJobs/").orElseThrow()
        .operation().operationId(), "a trailing slash is ignored");
    assertTrue(JOBS.match("PUT", "/api/v1/workspaces/w/rayJobs").isEmpty());
    assertTrue(JOBS.match("GET", "/api/v1/workspaces//rayJobs").isEmpty(), "empty segment");
    assertTrue(JOBS.match("GET", "/api/v1/workspaces/w/rayJobs/j/x").isEmpty());
  }

  @Test
  void pathVariables_malformedEscape_isKeptAsSent() {
    assertEquals("job%zz", JOBS.requireOperation("getRayJob")
        .pathVariables("/api/v1/workspaces/w/rayJobs/job%zz").orElseThrow().get("jobId"));
  }

  @Test
  void match_whenALiteralAndAVariableBothFit_theLiteralWins() {
    ApiSpec spec = ApiSpec.parse("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /things/{id}:
            get: {operationId: getThing, responses: {'200': {description: ok}}}
          /things/latest:
            get: {operationId: getLatest, responses: {'200': {description: ok}}}
        """, "inline");
    assertEquals("getLatest", spec.match("GET", "/things/latest").orElseThrow().operation().operationId());
    assertEquals("getThing", spec.match("GET", "/things/7").orElseThrow().operation().operationId());
  }

  @Test
  void soleJsonGetOperation_isEmptyWhenTwoGetsAnswerJson() {
    assertTrue(JOBS.soleJsonGetOperation().isEmpty());
  }

  @Test
  void sensitivity_collectsMarksFromEverySchemaAndTheSecurityScheme() {
    Sensitivity s = JOBS.sensitivity();
    assertEquals(Set.of("submitToken"), s.properties());
    assertEquals(Set.of("token"), s.queryParameters());
    assertEquals(Set.of("authorization", "x-acs-security-token"), s.headers());
  }

  @Test
  void errorCodesAndCompatibility_areReadFromTheTopLevel() {
    assertEquals(List.of("Throttling", "Throttling.*"), JOBS.errorCodes().throttling());
    assertEquals(List.of("*.NotFound"), JOBS.errorCodes().notFound());
    assertTrue(JOBS.responseEnumsAreOpen());
    assertEquals(List.of("cn-hangzhou", "eu-central-1"), JOBS.regions());
  }

  @Test
  void properties_flattenObjectsAndArraysOfObjects() {
    List<SchemaProperty> props = JOBS.properties("/components/schemas/RayJobPage");
    assertEquals(List.of("/requestId", "/jobs", "/jobs/*/jobId", "/jobs/*/clusterId", "/jobs/*/state",
        "/jobs/*/entrypoint", "/nextToken", "/totalCount"),
        props.stream().map(SchemaProperty::location).toList());
    SchemaProperty jobs = props.get(1);
    assertEquals("array<object>", jobs.typeName());
    assertTrue(jobs.required());
    SchemaProperty state = props.get(4);
    assertEquals(List.of("jobs", "*", "state"), state.path());
    assertEquals(List.of("Pending", "Running", "Succeeded", "Failed", "Stopped"), state.enumValues());
    assertEquals("/components/schemas/RayJobState", state.pointer());
    assertTrue(state.required());
    assertEquals("int32", props.get(7).format());
  }

  @Test
  void properties_arrayOfStrings_hasItsItemType() {
    SchemaProperty tags = JOBS.properties("/components/schemas/RayJob").stream()
        .filter(p -> p.location().equals("/tags")).findFirst().orElseThrow();
    assertEquals("array<string>", tags.typeName());
  }

  @Test
  void properties_recursiveSchema_isListedOnce() {
    ApiSpec spec = ApiSpec.parse("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            Node:
              type: object
              properties:
                name: {type: string}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        """, "inline");
    assertEquals(List.of("/name", "/children"),
        spec.properties("/components/schemas/Node").stream().map(SchemaProperty::location).toList());
  }

  @Test
  void bundledSpec_everyOperationCarriesTheVendorsNamesAndErrorBody() {
    ApiSpec spec = ApiSpec.bundled();
    assertFalse(spec.operations().isEmpty());
    assertFalse(spec.regions().isEmpty());
    for (SpecOperation op : spec.operations()) {
      assertNotNull(op.action(), op.describe() + " needs x-acs-action");
      assertNotNull(op.version(), op.describe() + " needs x-acs-version");
      for (int status : List.of(400, 500)) {
        String pointer = op.schemaPointerFor(status).orElseThrow(
            () -> new AssertionError(op.describe() + " declares no JSON body for " + status));
        Set<String> fields = new java.util.HashSet<>();
        spec.properties(pointer).forEach(p -> fields.add(p.location()));
        assertTrue(fields.containsAll(Set.of("/Code", "/code", "/Message", "/message", "/RequestId", "/requestId")),
            op.describe() + " " + status + " must be the vendor's error body in both casings: " + fields);
      }
    }
  }

  @Test
  void bundledSpec_everySensitiveNameIsAPropertyOrParameterOfTheDocument() {
    ApiSpec spec = ApiSpec.bundled();
    Set<String> names = new java.util.HashSet<>();
    for (SpecOperation op : spec.operations()) {
      op.parameters().forEach(p -> names.add(p.name()));
      op.responses().values().stream().filter(SpecResponse::hasJsonBody)
          .forEach(r -> spec.properties(r.schemaPointer()).forEach(p -> names.add(p.name())));
    }
    assertFalse(spec.sensitivity().properties().isEmpty(), "the spec marks its secrets with x-sensitive");
    for (String name : spec.sensitivity().properties()) {
      assertTrue(names.contains(name), name + " is marked sensitive but is no property of any operation");
    }
  }

  @Test
  void notOpenApi_swagger2_and31_areRefusedAtTheirPointer() {
    SpecException e = assertThrows(SpecException.class, () -> ApiSpec.parse("a: 1\n", "x.yaml"));
    assertEquals("/openapi", e.pointer());
    assertTrue(e.getMessage().startsWith("x.yaml at /openapi: not an OpenAPI document"), e.getMessage());
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse("swagger: '2.0'\n", "x"))
        .getMessage().contains("Swagger 2.0"));
    assertTrue(assertThrows(SpecException.class,
        () -> ApiSpec.parse("openapi: 3.1.0\ninfo: {}\npaths: {}\n", "x")).getMessage().contains("3.1.0 is not supported"));
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse("[1]", "x"))
        .getMessage().contains("found array"));
  }

  @Test
  void brokenYaml_saysWhere() {
    SpecException e = assertThrows(SpecException.class,
        () -> ApiSpec.parse("openapi: 3.0.3\ninfo: {title: [\n", "broken.yaml"));
    assertTrue(e.getMessage().startsWith("broken.yaml: not valid YAML or JSON"), e.getMessage());
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void externalOrDanglingRef_isRefusedAtTheRef() {
    String doc = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              operationId: a
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '%s'}}}
        """;
    SpecException external = assertThrows(SpecException.class,
        () -> ApiSpec.parse(doc.formatted("other.yaml#/X"), "x"));
    assertEquals("/paths/~1a/get/responses/200/content/application~1json/schema/$ref", external.pointer());
    assertTrue(external.getMessage().contains("only local $refs"));
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(doc.formatted("#/components/schemas/Gone"), "x"))
        .getMessage().contains("points at nothing"));
  }

  @Test
  void malformedSensitiveMark_isRefusedAtItsPointer() {
    SpecException e = assertThrows(SpecException.class, () -> ApiSpec.parse("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                secret: {type: string, x-sensitive: yes please}
        """, "x"));
    assertEquals("/components/schemas/A/properties/secret/x-sensitive", e.pointer());
  }

  @Test
  void duplicateOperationId_isRefused() {
    SpecException e = assertThrows(SpecException.class, () -> ApiSpec.parse("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a: {get: {operationId: same, responses: {'200': {description: ok}}}}
          /b: {get: {operationId: same, responses: {'200': {description: ok}}}}
        """, "x"));
    assertTrue(e.getMessage().contains("\"same\" is used twice"), e.getMessage());
  }

  @Test
  void operationWithoutId_getsMethodAndPath() {
    ApiSpec spec = ApiSpec.parse("""
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a: {get: {responses: {'200': {description: ok}}}}
        """, "x");
    assertEquals("get /a", spec.operations().get(0).operationId());
  }

  @Test
  void requireOperation_unknown_listsTheKnownOnes() {
    SpecException e = assertThrows(SpecException.class, () -> JOBS.requireOperation("nope"));
    assertTrue(e.getMessage().contains("[listRayJobs, submitRayJob, getRayJob, cancelRayJob]"), e.getMessage());
  }

  @Test
  void read_json_andFilesThatCannotBeRead(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("spec.json");
    Files.writeString(json, "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, "
        + "\"paths\": {\"/a\": {\"get\": {\"operationId\": \"a\", \"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
    assertEquals("a", ApiSpec.read(json).operations().get(0).operationId());

    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.read(dir.resolve("none.yaml")))
        .getMessage().endsWith("none.yaml: no such file"));
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.read(dir))
        .getMessage().endsWith(": not a regular file"));
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "openapi: 3.0.3\ninfo: {title: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.read(latin1)).getMessage().endsWith("not UTF-8 text"));
    Path dup = dir.resolve("dup.json");
    Files.writeString(dup, "{\"openapi\": \"3.0.3\", \"openapi\": \"3.0.3\"}");
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.read(dup)).getMessage().contains("Duplicate field"));
  }

  @Test
  void document_isACopy() {
    ApiSpec spec = SpecFixtures.rayJobs();
    ((com.fasterxml.jackson.databind.node.ObjectNode) spec.document()).remove("paths");
    assertTrue(spec.document().has("paths"));
    Optional<SpecOperation> op = spec.operation("getRayJob");
    assertTrue(op.isPresent());
  }

  @Test
  void yamlAliasesMergeKeysDuplicatesAndSecondDocuments_areRefused_notMisread() {
    String head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";
    String alias = head + "paths: {}\ncomponents:\n  schemas:\n    A: &a {type: string}\n    B: *a\n";
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(alias, "x")).getMessage()
        .contains("YAML aliases (*a) are not supported"));
    String merge = head + "paths: {}\ncomponents:\n  schemas:\n    A: {type: object}\n    B:\n      <<: {type: object}\n";
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(merge, "x")).getMessage()
        .contains("YAML merge keys (<<) are not supported"));
    String dup = head + "paths: {}\npaths: {}\n";
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(dup, "x")).getMessage()
        .contains("Duplicate field 'paths'"));
    String two = head + "paths: {}\n---\nopenapi: 3.0.3\n";
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(two, "x")).getMessage()
        .contains("more than one document"));
  }

  @Test
  void bundledSpec_usesNoYamlAlias_everyServerListsItsRegions() {
    for (ApiSpec.Server server : ApiSpec.bundled().servers()) {
      assertTrue(server.url().contains("{regionId}"), server.url());
    }
    assertEquals(1, ApiSpec.bundled().servers().stream().filter(ApiSpec.Server::vpc).count());
  }

  @Test
  void schemaReachingTheSameSchemasThroughManyLevels_isRefusedNotExpanded() {
    StringBuilder doc = new StringBuilder("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n"
        + "  /a: {get: {operationId: a, responses: {'200': {description: ok, content: {application/json: "
        + "{schema: {$ref: '#/components/schemas/S0'}}}}}}}\ncomponents:\n  schemas:\n");
    for (int i = 0; i < 40; i++) {
      doc.append("    S").append(i).append(": {type: object, properties: {l: {$ref: '#/components/schemas/S")
          .append(i + 1).append("'}, r: {$ref: '#/components/schemas/S").append(i + 1).append("'}}}\n");
    }
    doc.append("    S40: {type: string}\n");
    ApiSpec spec = ApiSpec.parse(doc.toString(), "dag.yaml");
    SpecException e = assertThrows(SpecException.class, () -> spec.properties("/components/schemas/S0"));
    assertTrue(e.getMessage().contains("flattens to more than"), e.getMessage());
  }

  @Test
  void schemasThatAreNotObjects_orHaveMalformedKeywords_areRefusedAtTheirPointer() {
    String doc = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              operationId: a
              responses:
                '200': {description: ok, content: {application/json: {schema: %s}}}
        """;
    assertEquals("/paths/~1a/get/responses/200/content/application~1json/schema",
        assertThrows(SpecException.class, () -> ApiSpec.parse(doc.formatted("7"), "x")).pointer());
    assertEquals("/paths/~1a/get/responses/200/content/application~1json/schema/properties",
        assertThrows(SpecException.class, () -> ApiSpec.parse(doc.formatted("{properties: 5}"), "x")).pointer());
    assertEquals("/paths/~1a/get/responses/200/content/application~1json/schema/allOf",
        assertThrows(SpecException.class, () -> ApiSpec.parse(doc.formatted("{allOf: {x: 1}}"), "x")).pointer());
    assertEquals("/paths/~1a/get/responses/200/content/application~1json/schema/properties/b",
        assertThrows(SpecException.class, () -> ApiSpec.parse(doc.formatted("{properties: {b: 3}}"), "x")).pointer());
  }

  @Test
  void pathItemsThatAreNotObjects_partialPathVariables_andOperationsWithoutResponses_areRefused() {
    String head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n";
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(head + "  /a: 5\n", "x"))
        .getMessage().contains("expected a path item object"));
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(
        head + "  /{x}.json: {get: {responses: {'200': {description: ok}}}}\n", "x"))
        .getMessage().contains("a path variable must be a whole segment"));
    assertTrue(assertThrows(SpecException.class, () -> ApiSpec.parse(head + "  /a: {get: {operationId: a}}\n", "x"))
        .getMessage().contains("an operation needs its \"responses\""));
  }
}
