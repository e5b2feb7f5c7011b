package io.raycluster.contract.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the spec against the response table of the vendor's reference page. The table below is
 * the page's facts (element names and types, with the integer widths of the vendor's SDK
 * models); a field the spec lacks, has with another type, or has in addition fails the test.
 */
class DocumentedFieldsTest {
  static final String PATH = "/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}";

  /** Top level of the 200 body: 28 elements. */
  static final Map<String, String> CLUSTER = fields(
      "requestId", "string",
      "clusterId", "string",
      "name", "string",
      "displayReleaseVersion", "string",
      "description", "string",
      "networkServiceName", "string",
      "headSpec", "object",
      "state", "string",
      "creator", "string",
      "creatorName", "string",
      "modifier", "string",
      "modifierName", "string",
      "userId", "string",
      "dashboardUrl", "string",
      "jobUrl", "string",
      "submitToken", "string",
      "modified", "boolean",
      "extraParam", "string",
      "message", "string",
      "instances", "array<object>",
      "instanceId", "string",
      "workerSpec", "array<object>",
      "startTime", "integer/int64",
      "createTime", "integer/int64",
      "modifiedTime", "integer/int64",
      "grpcEndpoint", "string",
      "volumeIds", "array<string>",
      "jobUrlInner", "string");

  /** {@code headSpec}: 7 elements. */
  static final Map<String, String> HEAD_SPEC = fields(
      "queueName", "string",
      "cpu", "string",
      "memory", "string",
      "enableAutoScaling", "boolean",
      "idleTimeoutSeconds", "integer/int32",
      "replica", "integer/int32",
      "gpuSpec", "string");

  /** {@code instances[]}: 11 elements. */
  static final Map<String, String> INSTANCE = fields(
      "type", "string",
      "instanceId", "string",
      "containerState", "string",
      "reason", "string",
      "phase", "string",
      "message", "string",
      "startTime", "integer/int64",
      "createTime", "integer/int64",
      "containerStateReason", "string",
      "containerStateMessage", "string",
      "containerExitCode", "integer/int32");

  /** {@code workerSpec[]}: 9 elements. */
  static final Map<String, String> WORKER_GROUP = fields(
      "groupName", "string",
      "workerType", "string",
      "replica", "integer/int32",
      "queueName", "string",
      "cpu", "string",
      "memory", "string",
      "minReplica", "integer/int32",
      "maxReplica", "integer/int32",
      "gpuSpec", "string");

  static OpenAPI openApi;
  static Operation operation;

  @BeforeAll
  static void load() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    openApi = new OpenAPIV3Parser().readContents(RayClusterSpec.text(), null, options).getOpenAPI();
    operation = openApi.getPaths().get(PATH).getGet();
    assertNotNull(operation, "GET " + PATH);
  }

  @Test
  void tableCounts_matchThePage() {
    assertEquals(28, CLUSTER.size());
    assertEquals(7, HEAD_SPEC.size());
    assertEquals(11, INSTANCE.size());
    assertEquals(9, WORKER_GROUP.size());
  }

  @Test
  void topLevelFields_haveThePagesTypes() {
    assertEquals(CLUSTER, describe(successSchema()));
  }

  @Test
  void headSpecFields_haveThePagesTypes() {
    assertEquals(HEAD_SPEC, describe(property(successSchema(), "headSpec")));
  }

  @Test
  void instanceFields_haveThePagesTypes() {
    assertEquals(INSTANCE, describe(property(successSchema(), "instances").getItems()));
  }

  @Test
  void workerGroupFields_haveThePagesTypes() {
    assertEquals(WORKER_GROUP, describe(property(successSchema(), "workerSpec").getItems()));
  }

  @Test
  void state_isTheDocumentedEnum() {
    assertEquals(
        List.of("Starting", "Running", "Stopping", "Stopped", "Error"),
        property(successSchema(), "state").getEnum());
  }

  @Test
  void operation_hasTwoPathParametersNoQueryNoBody() {
    List<Parameter> parameters = operation.getParameters();
    assertEquals(2, parameters.size());
    for (Parameter p : parameters) {
      assertEquals("path", p.getIn(), p.getName());
      assertTrue(p.getRequired(), p.getName());
    }
    assertEquals("workspaceId", parameters.get(0).getName());
    assertEquals("w-d2d82aa09155", parameters.get(0).getExample());
    assertEquals("clusterId", parameters.get(1).getName());
    assertEquals("ray-xxxxxxxxxx", parameters.get(1).getExample());
    assertNull(operation.getRequestBody());
  }

  @Test
  void operation_recordsVendorActionAndVersion() {
    Map<String, Object> ext = operation.getExtensions();
    assertEquals("GetRayCluster", ext.get("x-acs-action"));
    assertEquals("2023-08-08", ext.get("x-acs-version"));
    assertEquals("emr-serverless-spark", ext.get("x-acs-product"));
  }

  @Test
  void errorResponses_useTheVendorErrorBody() {
    for (String status : List.of("4XX", "5XX")) {
      Schema<?> schema =
          operation.getResponses().get(status).getContent().get("application/json").getSchema();
      for (String field : List.of("RequestId", "HostId", "Code", "Message", "Recommend",
          "requestId", "hostId", "code", "message", "recommend")) {
        assertEquals("string", typeOf(property(schema, field)), status + " " + field);
      }
    }
  }

  private static Schema<?> successSchema() {
    return operation.getResponses().get("200").getContent().get("application/json").getSchema();
  }

  private static Schema<?> property(Schema<?> schema, String name) {
    Schema<?> p = schema.getProperties() == null ? null : schema.getProperties().get(name);
    assertNotNull(p, "property " + name);
    return p;
  }

  /** Field name to "type", "type/format" or "array&lt;itemType&gt;", in the spec's order-free form. */
  private static Map<String, String> describe(Schema<?> schema) {
    Map<String, String> out = new TreeMap<>();
    schema.getProperties().forEach((name, p) -> out.put(name, typeOf(p)));
    return out;
  }

  private static String typeOf(Schema<?> p) {
    String type = p.getType();
    if ("array".equals(type)) {
      return "array<" + p.getItems().getType() + ">";
    }
    if ("integer".equals(type)) {
      return "integer/" + p.getFormat();
    }
    return type;
  }

  private static Map<String, String> fields(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (map.put(pairs[i], pairs[i + 1]) != null) {
        throw new IllegalArgumentException("duplicate " + pairs[i]);
      }
    }
    return new TreeMap<>(map);
  }
}
