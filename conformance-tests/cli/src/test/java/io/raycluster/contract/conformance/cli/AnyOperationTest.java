package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.ApiOperation;
import io.raycluster.contract.client.SigningInterceptor;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.conformance.har.Har;
import io.raycluster.contract.conformance.har.HarEntry;
import io.raycluster.contract.conformance.har.HarIo;
import io.raycluster.contract.conformance.har.HarRequest;
import io.raycluster.contract.conformance.har.HarResponse;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --spec}, {@code validate --operation}, {@code validate-pact --spec} and
 * {@code replay --spec} on the fixture spec: four operations of the project's own (a GET with
 * query parameters, a POST with a JSON body, a GET of one item, a DELETE).
 */
class AnyOperationTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HOST = "https://ray-jobs.cn-hangzhou.example.com";
  static final String JOBS = "/api/v1/workspaces/w-1/rayJobs";

  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void writeSpec() {
    spec = SpecFixtures.write(SpecFixtures.RAY_JOBS, dir);
  }

  private static HarEntry entry(String method, String url, int status, String body) {
    return HarEntry.of("2026-11-30T00:00:00Z", 1, HarRequest.of(method, url, List.of()),
        HarResponse.of(status, "", List.of(), "application/json", body));
  }

  private Path har(String name, HarEntry... entries) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, HarIo.toJson(Har.of("test", "1", List.of(entries))), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void validate_withSpec_checksEachHarEntryAsItsOwnOperation() throws Exception {
    Path har = har("jobs.har",
        entry("GET", HOST + JOBS + "?pageSize=10", 200, "{\"requestId\":\"r\",\"jobs\":[]}"),
        entry("POST", HOST + JOBS, 200, "{\"requestId\":\"r\",\"jobId\":\"job-2\"}"),
        entry("GET", HOST + JOBS + "/job-1", 200, "{\"requestId\":\"r\",\"jobId\":\"job-1\",\"state\":\"Done\"}"),
        entry("DELETE", HOST + JOBS + "/job-1", 404, "{\"Code\":\"RayJob.NotFound\",\"Message\":\"gone\"}"),
        entry("GET", HOST + "/metrics", 200, "{}"));

    CliRun run = CliRun.of("validate", "--spec", spec.toString(), har.toString());

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("VALID       " + har + "#0  GET " + JOBS + " -> 200"), run.out());
    assertTrue(run.out().contains("VALID       " + har + "#1  POST " + JOBS + " -> 200"), run.out());
    assertTrue(run.out().contains("INVALID     " + har + "#2  GET " + JOBS + "/job-1 -> 200\n"
        + "    /state: expected one of Pending, Running, Succeeded, Failed, Stopped, found string \"Done\"  [enum]"), run.out());
    assertTrue(run.out().contains("VALID       " + har + "#3  DELETE " + JOBS + "/job-1 -> 404"), run.out());
    assertTrue(run.out().contains("4 responses in 1 file: 3 valid, 1 invalid, 0 unreadable; 1 HAR entry skipped"), run.out());
  }

  @Test
  void validate_bareBody_whenTheSpecHasNoSoleGet_requiresOperation() throws Exception {
    Path body = dir.resolve("job.json");
    Files.writeString(body, "{\"requestId\":\"r\",\"jobId\":\"job-1\",\"state\":\"Running\"}");

    CliRun without = CliRun.of("validate", "--spec", spec.toString(), body.toString());
    assertEquals(2, without.exit(), without.all());
    assertTrue(without.err().contains("pass --operation ID, one of [listRayJobs, submitRayJob, getRayJob, cancelRayJob]"),
        without.err());

    CliRun with = CliRun.of("validate", "--spec", spec.toString(), "--operation", "getRayJob", body.toString());
    assertEquals(0, with.exit(), with.all());

    CliRun asList = CliRun.of("validate", "--spec", spec.toString(), "--operation", "listRayJobs", body.toString());
    assertEquals(1, asList.exit(), asList.all());
    assertTrue(asList.out().contains("/jobs: required property \"jobs\" is missing"), asList.out());
  }

  @Test
  void validate_unknownOperation_orUnusableSpec_isAUsageErrorInWords() throws Exception {
    Path body = dir.resolve("job.json");
    Files.writeString(body, "{}");
    CliRun unknown = CliRun.of("validate", "--spec", spec.toString(), "--operation", "nope", body.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("--operation nope: ") && unknown.err().contains("[listRayJobs, submitRayJob, getRayJob, cancelRayJob]"),
        unknown.err());

    Path swagger = dir.resolve("swagger.json");
    Files.writeString(swagger, "{\"swagger\": \"2.0\"}");
    CliRun old = CliRun.of("validate", "--spec", swagger.toString(), body.toString());
    assertEquals(2, old.exit());
    assertTrue(old.err().contains("--spec " + swagger + " at /openapi: a Swagger 2.0 document"), old.err());
    assertTrue(!old.err().contains("Exception"), old.err());
  }

  @Test
  void specsTheEngineCannotUse_areUsageErrorsWithTheirPointer_neverAStackTrace() throws Exception {
    Path body = dir.resolve("b.json");
    Files.writeString(body, "{}");
    String head = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
        + "      operationId: a\n      responses:\n        '200': {description: ok, content: {application/json: {schema: ";
    Path seven = dir.resolve("seven.yaml");
    Files.writeString(seven, head + "7}}}\n");
    StringBuilder dag = new StringBuilder(head + "{$ref: '#/components/schemas/S0'}}}}\ncomponents:\n  schemas:\n");
    for (int i = 0; i < 40; i++) {
      dag.append("    S").append(i).append(": {type: object, properties: {l: {$ref: '#/components/schemas/S")
          .append(i + 1).append("'}, r: {$ref: '#/components/schemas/S").append(i + 1).append("'}}}\n");
    }
    dag.append("    S40: {type: string}\n");
    Path deep = dir.resolve("dag.yaml");
    Files.writeString(deep, dag.toString());

    for (Path spec : List.of(seven, deep)) {
      CliRun run = CliRun.of("validate", "--spec", spec.toString(), "--operation", "a", body.toString());
      assertEquals(2, run.exit(), run.all());
      assertTrue(run.err().contains("--spec " + spec + " at /"), run.err());
      assertTrue(!run.err().contains("Exception"), run.err());
    }
  }

  @Test
  void replay_withASpecWhoseOperationsCannotBeVerified_exitsTwoSayingWhich() throws Exception {
    Path unsigned = dir.resolve("unsigned.yaml");
    Files.writeString(unsigned, SpecFixtures.text(SpecFixtures.RAY_JOBS).replace("      x-acs-action: GetRayJob\n", ""));
    Path body = dir.resolve("job.json");
    Files.writeString(body, "{\"requestId\":\"r\",\"jobId\":\"job-1\",\"state\":\"Running\"}");

    CliRun run = CliRun.of("replay", "--spec", unsigned.toString(), "--operation", "getRayJob", body.toString());

    assertEquals(2, run.exit(), run.all());
    assertTrue(run.err().contains("have none: [getRayJob]"), run.err());
  }

  @Test
  void validatePact_withSpec_checksAPostInteractionAndAWrongMethod() throws Exception {
    Path pact = dir.resolve("pact.json");
    Files.writeString(pact, "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},"
        + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}},\"interactions\":["
        + "{\"description\":\"submit\",\"request\":{\"method\":\"POST\",\"path\":\"" + JOBS + "\"},"
        + "\"response\":{\"status\":200,\"body\":{\"requestId\":\"r\",\"jobId\":\"j\"}}},"
        + "{\"description\":\"patch\",\"request\":{\"method\":\"PATCH\",\"path\":\"" + JOBS + "/j\"},"
        + "\"response\":{\"status\":200}}]}");

    CliRun run = CliRun.of("validate-pact", "--spec", spec.toString(), pact.toString());

    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("VALID       " + pact + "#0"), run.out());
    assertTrue(run.out().contains("/interactions/1/request/method: PATCH " + JOBS + "/j is not an operation of the spec: "
        + "expected one of GET /api/v1/workspaces/{workspaceId}/rayJobs/{jobId} (getRayJob), "
        + "DELETE /api/v1/workspaces/{workspaceId}/rayJobs/{jobId} (cancelRayJob)"), run.out());
  }

  @Test
  void replay_withSpec_servesEveryOperationOfIt_signedAsEach() throws Exception {
    Path har = har("jobs.har",
        entry("GET", HOST + JOBS + "?pageSize=10", 200, "{\"requestId\":\"r\",\"jobs\":[],\"nextToken\":\"n\"}"),
        entry("POST", HOST + JOBS, 200, "{\"requestId\":\"r\",\"jobId\":\"job-2\"}"),
        entry("DELETE", HOST + JOBS + "/job-1", 200, "{\"requestId\":\"r\"}"));
    Path creds = dir.resolve("creds.json");
    Files.writeString(creds, "{\"k\": \"s\"}");
    Process p = Subprocess.builder(dir, Map.of(), "replay", "--spec", spec.toString(), "--credentials",
        creds.toString(), har.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    try {
      String baseUrl = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertTrue(baseUrl != null && baseUrl.startsWith("http://127.0.0.1:"), "first line: " + baseUrl);
      ApiSpec jobs = SpecFixtures.rayJobs();
      SigningInterceptor signer = SigningInterceptor.builder().credentials(CredentialsProviders.of("k", "s"))
          .operations(jobs.operations().stream().map(o -> new ApiOperation(o.operationId(), o.method(),
              o.pathTemplate(), o.action(), o.version(), o.product(), o.style())).toList()).build();
      OkHttpClient http = new OkHttpClient();

      assertEquals("n", call(http, signer, "listRayJobs", new Request.Builder().url(baseUrl + JOBS + "?pageSize=10").get().build())
          .get("nextToken").asText());
      assertEquals("job-2", call(http, signer, "submitRayJob", new Request.Builder().url(baseUrl + JOBS)
          .post(RequestBody.create("{\"clusterId\":\"ray-1\",\"entrypoint\":\"x\"}", MediaType.get("application/json"))).build())
          .get("jobId").asText());
      assertEquals("r", call(http, signer, "cancelRayJob", new Request.Builder().url(baseUrl + JOBS + "/job-1").delete().build())
          .get("requestId").asText());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertTrue(stderr.contains("Serving 3 HAR exchange(s) and 0 JSON bodies from 1 file(s)"), stderr);
    assertTrue(stderr.contains("POST " + JOBS + " 200 - "), stderr);
    assertTrue(stderr.contains("DELETE " + JOBS + "/job-1 200 - "), stderr);
  }

  private static JsonNode call(OkHttpClient http, SigningInterceptor signer, String operationId, Request request)
      throws Exception {
    ApiSpec jobs = SpecFixtures.rayJobs();
    var o = jobs.requireOperation(operationId);
    Request signed = signer.sign(request, new ApiOperation(o.operationId(), o.method(), o.pathTemplate(),
        o.action(), o.version(), o.product(), o.style()));
    try (Response r = http.newCall(signed).execute()) {
      String text = r.body().string();
      assertEquals(200, r.code(), text);
      return JSON.readTree(text);
    }
  }
}
