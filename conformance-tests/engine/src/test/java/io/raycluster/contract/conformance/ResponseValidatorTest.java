package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecFixtures;
import io.raycluster.contract.spec.SpecOperation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The engine on the fixture spec (four operations of the project's own): any operation, any status. */
class ResponseValidatorTest {
  static final ApiSpec JOBS = SpecFixtures.rayJobs();
  static final ResponseValidator ENGINE = ResponseValidator.forSpec(JOBS);
  static final SpecOperation GET_JOB = JOBS.requireOperation("getRayJob");
  static final SpecOperation LIST_JOBS = JOBS.requireOperation("listRayJobs");
  static final SpecOperation SUBMIT_JOB = JOBS.requireOperation("submitRayJob");
  static final String JOB =
      "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"driver\":{\"exitCode\":\"0\",\"x\":1}}";

  @Test
  void validate_strictMode_reportsTypeAndDriftWithPointers() throws Exception {
    JsonNode body = new ObjectMapper().readTree(JOB);
    ValidationResult r = ENGINE.validate(GET_JOB, 200, body, Mode.STRICT);
    assertEquals(Verdict.INVALID, r.verdict());
    assertEquals(List.of(
        "/driver/exitCode: expected integer, found string \"0\"",
        "/driver/x: property \"x\" is not declared in RayJob.driver (strict mode: drift from the spec)"),
        r.findings().stream().map(Finding::toString).toList());
  }

  @Test
  void validate_schemaIsChosenByOperationAndStatus() {
    byte[] submitted = "{\"requestId\":\"r\",\"jobId\":\"j\"}".getBytes(StandardCharsets.UTF_8);
    assertTrue(ENGINE.validate(SUBMIT_JOB, 200, submitted, Mode.STRICT).isValid());
    assertEquals(List.of("/jobs"), ENGINE.validate(LIST_JOBS, 200, submitted, Mode.LENIENT).findings()
        .stream().map(Finding::pointer).toList());
    byte[] error = "{\"Code\":\"Throttling.User\",\"Message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8);
    assertTrue(ENGINE.validate(GET_JOB, 400, error, Mode.STRICT).isValid());
    assertTrue(ENGINE.validate(SUBMIT_JOB, 503, error, Mode.STRICT).isValid());
  }

  @Test
  void validate_undeclaredStatus_isAFindingNamingTheOperationAndWhatItDeclares() {
    ValidationResult r = ENGINE.validate(GET_JOB, 302, new byte[0], Mode.LENIENT);
    assertEquals(List.of("(body): HTTP status 302 is not declared by the spec for getRayJob (it declares 200, 404, 4XX, 5XX)"),
        r.findings().stream().map(Finding::toString).toList());
  }

  @Test
  void defaultOperation_isTheOnlyJsonGet_elseTheEngineSaysWhichToName() {
    assertTrue(ENGINE.defaultOperation().isEmpty(), "two GETs answer JSON");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ENGINE.validate(200, new byte[0], Mode.LENIENT));
    assertTrue(e.getMessage().contains("2 GET operations with a JSON 200 response [listRayJobs, getRayJob]"),
        e.getMessage());
    assertTrue(ResponseValidator.fromSpec().defaultOperation().isPresent(), "the bundled spec has one");
  }

  @Test
  void secrets_neverAppearInFindings() {
    byte[] body = ("{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"submitToken\":99887766,"
        + "\"logUrl\":7,\"entrypoint\":[\"https://x/log?token=s3cr3t\"],\"clusterId\":\"see https://y/?token=abc123\","
        + "\"attempts\":\"https://z/?token=zz9\"}").getBytes(StandardCharsets.UTF_8);
    ValidationResult r = ENGINE.validate(GET_JOB, 200, body, Mode.STRICT);
    String all = r.findings().toString();
    assertEquals(List.of("/attempts", "/entrypoint", "/logUrl", "/submitToken"),
        r.findings().stream().map(Finding::pointer).toList());
    for (String secret : List.of("99887766", "s3cr3t", "abc123", "zz9")) {
      assertFalse(all.contains(secret), all);
    }
  }

  @Test
  void malformedJson_neverQuotesASecretValueOrTokenThatTheParserStumbledOn() {
    for (String body : List.of(
        "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"submitToken\": SECRETU1}",
        "{\"requestId\":\"r\",\"logUrl\": https://x/?token=SECRETU2}")) {
      ValidationResult r = ENGINE.validate(GET_JOB, 200, body.getBytes(StandardCharsets.UTF_8), Mode.LENIENT);
      assertEquals(Verdict.UNREADABLE, r.verdict());
      assertFalse(r.findings().toString().contains("SECRETU"), r.findings().toString());
    }
  }

  @Test
  void nullable_fromTheOpenApi30Dialect_isHonoured() {
    String text = SpecFixtures.text(SpecFixtures.RAY_JOBS);
    String marker = "        entrypoint:\n          type: string\n        submitToken:";
    assertTrue(text.contains(marker));
    ResponseValidator nullable = ResponseValidator.forSpec(ApiSpec.parse(
        text.replace(marker, "        entrypoint:\n          type: string\n          nullable: true\n        submitToken:"),
        "nullable"));
    byte[] body = "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"entrypoint\":null}"
        .getBytes(StandardCharsets.UTF_8);
    assertTrue(nullable.validate(GET_JOB, 200, body, Mode.STRICT).isValid());
    assertEquals(List.of("/entrypoint: expected string, found null"),
        ENGINE.validate(GET_JOB, 200, body, Mode.STRICT).findings().stream().map(Finding::toString).toList());
  }

  @Test
  void engine_isThreadSafe_sameFindingsFromManyThreads() throws Exception {
    byte[] body = JOB.getBytes(StandardCharsets.UTF_8);
    ValidationResult expected = ENGINE.validate(GET_JOB, 200, body, Mode.STRICT);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ValidationResult>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(pool.submit(() -> ENGINE.validate(GET_JOB, 200, body, Mode.STRICT)));
      }
      for (Future<ValidationResult> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
