package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {
  private static final ResponseValidator ENGINE = ResponseValidator.fromSpec();
  private static final String BODY =
      "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"workerSpec\":[{},{\"maxReplica\":\"10\",\"x\":1}]}";

  @Test
  void validate_jsonNodeInStrictMode_reportsTypeAndDriftWithPointers() throws Exception {
    JsonNode body = new ObjectMapper().readTree(BODY);
    ValidationResult r = ENGINE.validate(200, body, Mode.STRICT);
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(List.of(
        "/workerSpec/1/maxReplica: expected integer, found string \"10\"",
        "/workerSpec/1/x: property \"x\" is not declared in WorkerGroupSpec (strict mode: drift from the spec)"),
        r.findings().stream().map(Finding::toString).toList());
  }

  @Test
  void validate_schemaIsChosenByStatus() {
    byte[] error = "{\"Code\":\"Throttling.User\",\"Message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8);
    assertTrue(ENGINE.validate(400, error, Mode.STRICT).isValid());
    assertTrue(ENGINE.validate(503, error, Mode.STRICT).isValid());
    ValidationResult asCluster = ENGINE.validate(200, error, Mode.LENIENT);
    assertEquals(3, asCluster.findings().size(), asCluster.toString());
  }

  @Test
  void operation_isReadFromTheSpec() {
    OperationSpec op = ENGINE.operation();
    assertEquals("GET", op.method());
    assertEquals("/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}", op.pathTemplate());
    assertEquals("/components/schemas/RayCluster", op.schemaPointerFor(200).orElseThrow());
    assertEquals("/components/schemas/VendorError", op.schemaPointerFor(404).orElseThrow());
    assertTrue(op.matches("get", "https://h/api/v1/workspaces/w%201/rayCluster/ray-1?x=1"));
    assertTrue(!op.matches("GET", "https://h/api/v1/workspaces/w/rayCluster"));
    assertTrue(!op.matches("GET", "https://h/api/v1/workspaces/w/rayCluster/c/logs"));
    assertTrue(ENGINE.fastPathCovers(200), "the spec uses only keywords the fast path models");
  }

  @Test
  void secrets_neverAppearInFindings() {
    byte[] body = ("{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"submitToken\":99887766,"
        + "\"dashboardUrl\":7,\"description\":\"https://x/dash?token=s3cr3t\"}").getBytes(StandardCharsets.UTF_8);
    ValidationResult r = ENGINE.validate(200, body, Mode.STRICT);
    String all = r.findings().toString();
    assertTrue(!all.contains("99887766"), all);
    body = "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":7,\"name\":{\"a\":1},\"message\":\"see token=abc123\"}"
        .replace("\"message\":\"see token=abc123\"", "\"jobUrl\":\"x\"").getBytes(StandardCharsets.UTF_8);
    assertTrue(!ENGINE.validate(200, body, Mode.STRICT).findings().toString().contains("abc123"));
  }

  @Test
  void nullable_fromTheOpenApi30Dialect_isHonoured() {
    String spec = io.raycluster.contract.spec.RayClusterSpec.text();
    String marker = "          description: Name given to the cluster.\n";
    assertTrue(spec.contains(marker));
    ResponseValidator nullableName = ResponseValidator.builder()
        .specText(spec.replace(marker, "          nullable: true\n" + marker)).build();
    byte[] body = "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"name\":null}"
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(nullableName.validate(200, body, Mode.STRICT).isValid());
    assertEquals(List.of("/name: expected string, found null"),
        ENGINE.validate(200, body, Mode.STRICT).findings().stream().map(Finding::toString).toList());
  }

  @Test
  void engine_isThreadSafe_sameFindingsFromManyThreads() throws Exception {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    ValidationResult expected = ENGINE.validate(200, body, Mode.STRICT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ValidationResult>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> ENGINE.validate(200, body, Mode.STRICT)));
      }
      for (Future<ValidationResult> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
