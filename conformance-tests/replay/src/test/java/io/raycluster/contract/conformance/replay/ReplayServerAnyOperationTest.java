package io.raycluster.contract.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.client.ApiOperation;
import io.raycluster.contract.client.SigningInterceptor;
import io.raycluster.contract.client.credentials.CredentialsProviders;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecFixtures;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay server on the fixture spec (four operations of the project's own): it routes by
 * method and path, verifies each operation's own action and version, and signs bodies through
 * x-acs-content-sha256. Requests are signed by the client's signer, as another spec's generated
 * client would sign them.
 */
class ReplayServerAnyOperationTest {
  static final ApiSpec JOBS = SpecFixtures.rayJobs();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE = "/api/v1/workspaces/w-1/rayJobs";

  ReplayServer server;
  SigningInterceptor signer;
  OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws IOException {
    ReplayRecordings recordings = new ReplayRecordings(JOBS)
        .addExchange("GET", BASE, "state=Running&pageSize=10", json(200, "{\"requestId\":\"r\",\"jobs\":[],\"nextToken\":\"running\"}"))
        .addExchange("GET", BASE, "pageSize=10", json(200, "{\"requestId\":\"r\",\"jobs\":[],\"nextToken\":\"all\"}"))
        .addExchange("POST", BASE, null, json(200, "{\"requestId\":\"r\",\"jobId\":\"job-2\"}"))
        .addExchange("DELETE", BASE + "/job-1", null, json(200, "{\"requestId\":\"r\"}"))
        .addBody(JOBS.requireOperation("getRayJob"),
            "{\"requestId\":\"r\",\"jobId\":\"job-1\",\"state\":\"Running\"}".getBytes(StandardCharsets.UTF_8));
    server = ReplayServer.builder().credential("k", "s").recordings(recordings).start();
    signer = SigningInterceptor.builder().credentials(CredentialsProviders.of("k", "s"))
        .operations(JOBS.operations().stream().map(o -> new ApiOperation(o.operationId(), o.method(),
            o.pathTemplate(), o.action(), o.version(), o.product(), o.style())).toList())
        .build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void getWithQuery_theSameQueryInAnyOrderAndSpelling_isAnswered_anUnrecordedOneIsNotFound() throws Exception {
    assertEquals("running", call("listRayJobs", "GET", BASE + "?pageSize=10&state=Running", null).at("/nextToken").asText());
    assertEquals("running", call("listRayJobs", "GET", BASE + "?%73tate=Running&pageSize=10", null).at("/nextToken").asText());
    assertEquals("all", call("listRayJobs", "GET", BASE + "?pageSize=10", null).at("/nextToken").asText());
    try (Response r = http.newCall(signer.sign(request("GET", BASE + "?nextToken=x", null), op("listRayJobs"))).execute()) {
      assertEquals(404, r.code());
      String message = JSON.readTree(r.body().bytes()).get("Message").asText();
      assertTrue(message.contains("it has this path with the queries [pageSize=10, pageSize=10&state=Running]"), message);
    }
  }

  @Test
  void aRecordingWithoutQuery_answersTheQueriesNotRecorded() throws Exception {
    server.recordings().addExchange("GET", "/api/v1/workspaces/w-2/rayJobs", null,
        json(200, "{\"requestId\":\"r\",\"jobs\":[],\"nextToken\":\"plain\"}"));
    assertEquals("plain", call("listRayJobs", "GET", "/api/v1/workspaces/w-2/rayJobs?pageSize=3", null)
        .at("/nextToken").asText());
  }

  @Test
  void postWithABody_isVerifiedThroughItsContentHash() throws Exception {
    assertEquals("job-2", call("submitRayJob", "POST", BASE, "{\"clusterId\":\"ray-1\",\"entrypoint\":\"python a.py\"}")
        .at("/jobId").asText());
  }

  @Test
  void postWhoseBodyChangedAfterSigning_isSignatureDoesNotMatch() throws Exception {
    Request signed = signer.sign(request("POST", BASE, "{\"entrypoint\":\"a\"}"), op("submitRayJob"));
    Request tampered = signed.newBuilder()
        .post(RequestBody.create("{\"entrypoint\":\"b\"}", MediaType.get("application/json"))).build();
    try (Response r = http.newCall(tampered).execute()) {
      assertEquals(400, r.code());
      assertEquals("SignatureDoesNotMatch", JSON.readTree(r.body().bytes()).get("Code").asText());
    }
  }

  @Test
  void delete_andABareBodyOfTheGetOperation_areServed() throws Exception {
    assertEquals("r", call("cancelRayJob", "DELETE", BASE + "/job-1", null).at("/requestId").asText());
    assertEquals("job-1", call("getRayJob", "GET", "/api/v1/workspaces/any/rayJobs/job-1", null).at("/jobId").asText());
  }

  @Test
  void unknownJob_isTheOperationsDocumented404() throws Exception {
    try (Response r = http.newCall(signer.sign(request("GET", BASE + "/job-9", null), op("getRayJob"))).execute()) {
      assertEquals(404, r.code());
      JsonNode body = JSON.readTree(r.body().bytes());
      assertEquals("RayJob.NotFound", body.get("Code").asText());
      assertTrue(body.get("Message").asText().contains("no recording for GET " + BASE + "/job-9"), body.toString());
    }
  }

  @Test
  void anotherOperationsAction_isInvalidActionNotFound() throws Exception {
    // Signed correctly, but as ListRayJobs while the path and method are DELETE's.
    Request wrong = signer.sign(request("DELETE", BASE + "/job-1", null), op("listRayJobs"));
    try (Response r = http.newCall(wrong).execute()) {
      assertEquals(404, r.code());
      assertEquals("InvalidAction.NotFound", JSON.readTree(r.body().bytes()).get("Code").asText());
    }
  }

  @Test
  void aMethodNoOperationHas_is404() throws Exception {
    try (Response r = http.newCall(request("PUT", BASE + "/job-1", "{}")).execute()) {
      assertEquals(404, r.code());
      assertEquals("InvalidAction.NotFound", JSON.readTree(r.body().bytes()).get("Code").asText());
    }
  }

  @Test
  void errorBodies_nameTheProductOfTheSpec() throws Exception {
    try (Response r = http.newCall(request("PUT", BASE + "/job-1", "{}")).execute()) {
      assertTrue(JSON.readTree(r.body().bytes()).get("Recommend").asText().endsWith("&product=ray-jobs"));
    }
  }

  @Test
  void operationsWithoutActionOrVersion_areRefusedAtStart_notAnsweredWith500() {
    ApiSpec unsigned = ApiSpec.parse(SpecFixtures.text(SpecFixtures.RAY_JOBS)
        .replace("      x-acs-action: GetRayJob\n", ""), "no-action.yaml");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReplayServer.builder().credential("k", "s").recordings(new ReplayRecordings(unsigned)).start());
    assertTrue(e.getMessage().contains("have none: [getRayJob]"), e.getMessage());
  }

  @Test
  void bareBody_withoutASoleGetOperation_orWithoutAPathValue_isRefusedSayingWhy() {
    ReplayRecordings recordings = new ReplayRecordings(JOBS);
    IllegalArgumentException noDefault = assertThrows(IllegalArgumentException.class,
        () -> recordings.addBody("{\"jobId\":\"j\"}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(noDefault.getMessage().contains("record the exchange as a HAR entry"), noDefault.getMessage());
    IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
        () -> recordings.addBody(JOBS.requireOperation("getRayJob"), "{\"state\":\"Running\"}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(noKey.getMessage().endsWith("with at least one of [workspaceId, jobId] as a non-empty string"),
        noKey.getMessage());
  }

  private JsonNode call(String operationId, String method, String pathAndQuery, String body) throws Exception {
    try (Response r = http.newCall(signer.sign(request(method, pathAndQuery, body), op(operationId))).execute()) {
      String text = r.body().string();
      assertEquals(200, r.code(), text);
      return JSON.readTree(text);
    }
  }

  private Request request(String method, String pathAndQuery, String body) {
    return new Request.Builder().url(server.baseUrl() + pathAndQuery)
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")))
        .build();
  }

  private static ApiOperation op(String id) {
    SpecOperation o = JOBS.requireOperation(id);
    return new ApiOperation(o.operationId(), o.method(), o.pathTemplate(), o.action(), o.version(), o.product(), o.style());
  }

  private static RecordedResponse json(int status, String body) {
    return new RecordedResponse(status, List.of(Map.entry("Content-Type", "application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }
}
