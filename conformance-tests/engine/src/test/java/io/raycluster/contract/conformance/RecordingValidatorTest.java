package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HAR entries of any operation of the spec, matched by method and path template. */
class RecordingValidatorTest {
  static final ApiSpec JOBS = SpecFixtures.rayJobs();
  static final ResponseValidator ENGINE = ResponseValidator.forSpec(JOBS);

  static String entry(String method, String url, int status, String body) {
    return "{\"startedDateTime\":\"2026-11-30T00:00:00Z\",\"time\":1,"
        + "\"request\":{\"method\":\"" + method + "\",\"url\":\"" + url + "\",\"httpVersion\":\"HTTP/1.1\","
        + "\"headers\":[],\"queryString\":[],\"cookies\":[],\"headersSize\":-1,\"bodySize\":0},"
        + "\"response\":{\"status\":" + status + ",\"statusText\":\"\",\"httpVersion\":\"HTTP/1.1\",\"headers\":[],"
        + "\"cookies\":[],\"content\":{\"size\":0,\"mimeType\":\"application/json\",\"text\":"
        + com.fasterxml.jackson.databind.node.TextNode.valueOf(body) + "},\"redirectURL\":\"\",\"headersSize\":-1,"
        + "\"bodySize\":-1},\"cache\":{},\"timings\":{\"send\":0,\"wait\":1,\"receive\":0}}";
  }

  static byte[] har(String... entries) {
    return ("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"t\",\"version\":\"1\"},\"entries\":["
        + String.join(",", entries) + "]}}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void har_eachEntryIsValidatedAsItsOwnOperation_othersAreSkipped() {
    String base = "https://ray-jobs.cn-hangzhou.example.com/api/v1/workspaces/w-1/rayJobs";
    byte[] bytes = har(
        entry("GET", base + "?pageSize=10&state=Running", 200, "{\"requestId\":\"r\",\"jobs\":[]}"),
        entry("POST", base, 200, "{\"requestId\":\"r\",\"jobId\":7}"),
        entry("GET", base + "/job-1", 200, "{\"requestId\":\"r\",\"jobId\":\"job-1\",\"state\":\"Running\"}"),
        entry("DELETE", base + "/job-1", 200, "{\"requestId\":\"r\"}"),
        entry("DELETE", base + "/job-2", 404, "{\"Code\":\"RayJob.NotFound\",\"Message\":\"gone\"}"),
        entry("PUT", base + "/job-1", 200, "{}"),
        entry("GET", "https://elsewhere.example.com/metrics", 200, "{}"));

    FileOutcome f = new RecordingValidator(ENGINE, Mode.STRICT).validate("s.har", bytes, true);

    assertEquals(2, f.skipped(), "PUT (no such operation) and another host's path");
    assertEquals(List.of(
        "s.har#0 VALID GET /api/v1/workspaces/w-1/rayJobs -> 200",
        "s.har#1 INVALID POST /api/v1/workspaces/w-1/rayJobs -> 200 [/jobId]",
        "s.har#2 VALID GET /api/v1/workspaces/w-1/rayJobs/job-1 -> 200",
        "s.har#3 VALID DELETE /api/v1/workspaces/w-1/rayJobs/job-1 -> 200",
        "s.har#4 VALID DELETE /api/v1/workspaces/w-1/rayJobs/job-2 -> 404"),
        f.outcomes().stream().map(o -> o.name() + " " + o.verdict() + " " + o.label()
            + (o.findings().isEmpty() ? "" : " " + o.findings().stream().map(Finding::pointer).toList())).toList());
  }

  @Test
  void bareBody_withoutADefaultOperation_isUnreadableSayingSo_withOneItIsValidated() {
    byte[] body = "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\"}".getBytes(StandardCharsets.UTF_8);

    Outcome none = new RecordingValidator(ENGINE, Mode.LENIENT).validate("b.json", body, false).outcomes().get(0);
    assertEquals(Verdict.UNREADABLE, none.verdict());
    assertTrue(none.findings().get(0).message().contains("--operation"), none.findings().toString());

    Outcome asGet = new RecordingValidator(ENGINE, Mode.LENIENT, JOBS.requireOperation("getRayJob"))
        .validate("b.json", body, false).outcomes().get(0);
    assertEquals(Verdict.VALID, asGet.verdict(), asGet.findings().toString());
    Outcome asList = new RecordingValidator(ENGINE, Mode.LENIENT, JOBS.requireOperation("listRayJobs"))
        .validate("b.json", body, false).outcomes().get(0);
    assertEquals(List.of("/jobs"), asList.findings().stream().map(Finding::pointer).toList());
  }

  @Test
  void requestTarget_rawPathAndQuery_ofUrlsAndOfLooseText() {
    assertEquals(new RequestTarget("/a/b%20c", "x=1"), RequestTarget.of("https://h:8/a/b%20c?x=1#f"));
    assertEquals(new RequestTarget("/a/b c", "x=|"), RequestTarget.of("https://h/a/b c?x=|"));
    assertEquals(new RequestTarget("/p", null), RequestTarget.of("/p"));
    assertEquals(new RequestTarget("", "q"), RequestTarget.of("https://h?q"));
  }
}
