package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pact-versus-spec check on small inline pacts of each specification version. */
class PactSpecCheckerTest {
  private static final PactSpecChecker CHECKER = PactSpecChecker.fromSpec();
  private static final String PATH = "/api/v1/workspaces/w-1/rayCluster/ray-1";
  private static final String CLUSTER = "{\"requestId\":\"r\",\"clusterId\":\"ray-1\",\"state\":\"Running\"}";

  private static FileOutcome check(String pact) {
    return CHECKER.check("p.json", pact.getBytes(StandardCharsets.UTF_8));
  }

  private static String v4(String... interactions) {
    return "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":["
        + String.join(",", interactions) + "],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}";
  }

  private static String v4Http(String method, String path, int status, String content) {
    return "{\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"providerStates\":[{\"name\":\"s\"}],"
        + "\"request\":{\"method\":\"" + method + "\",\"path\":\"" + path + "\"},"
        + "\"response\":{\"status\":" + status + (content == null ? "" : ",\"body\":{\"content\":" + content
        + ",\"contentType\":\"application/json\",\"encoded\":false}") + "}}";
  }

  private static String v3(int status, String body) {
    return "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{\"description\":\"d\","
        + "\"providerStates\":[{\"name\":\"s\"}],\"request\":{\"method\":\"GET\",\"path\":\"" + PATH + "\"},"
        + "\"response\":{\"status\":" + status + ",\"body\":" + body + "}}],"
        + "\"metadata\":{\"pactSpecification\":{\"version\":\"3.0.0\"}}}";
  }

  private static Outcome only(FileOutcome f) {
    assertEquals(1, f.outcomes().size(), f.toString());
    return f.outcomes().get(0);
  }

  private static Finding onlyFinding(Outcome o) {
    assertEquals(1, o.findings().size(), o.findings().toString());
    return o.findings().get(0);
  }

  @Test
  void v4Interaction_matchingTheSpec_isValidAndLabelledWithItsState() {
    Outcome o = only(check(v4(v4Http("GET", PATH, 200, CLUSTER))));
    assertEquals(Verdict.VALID, o.verdict(), o.findings().toString());
    assertEquals(0, o.entry());
    assertEquals("\"d\" [given s]: GET " + PATH + " -> 200", o.label());
  }

  @Test
  void v4Body_withAFieldTheSpecLacks_isReportedInStrictModeAtItsPointerInThePact() {
    Finding f = onlyFinding(only(check(v4(v4Http("GET", PATH, 200,
        "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"colour\":\"red\"}")))));
    assertEquals("/interactions/0/response/body/content/colour", f.pointer());
    assertEquals("undeclared", f.keyword());
  }

  @Test
  void v3Body_isTheResponseBodyItself() {
    Finding f = onlyFinding(only(check(v3(200, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":1}"))));
    assertEquals("/interactions/0/response/body/state", f.pointer());
    assertEquals("type", f.keyword());
  }

  @Test
  void errorStatus_isCheckedAgainstTheVendorErrorSchema() {
    assertEquals(Verdict.VALID, only(check(v3(404, "{\"Code\":\"X.NotFound\",\"Message\":\"m\"}"))).verdict());
    Finding f = onlyFinding(only(check(v3(503, "{\"Code\":[\"no\"]}"))));
    assertEquals("/interactions/0/response/body/Code", f.pointer());
  }

  @Test
  void undeclaredStatus_isReportedAtTheStatus() {
    Finding f = onlyFinding(only(check(v4(v4Http("GET", PATH, 204, null)))));
    assertEquals("/interactions/0/response/status", f.pointer());
    assertEquals("status", f.keyword());
    assertTrue(f.message().contains("204") && f.message().contains("200"), f.message());
  }

  @Test
  void anotherOperationsPath_isReportedAtThePath_andTheBodyIsNotChecked() {
    Finding f = onlyFinding(only(check(v4(v4Http("GET", "/api/v1/workspaces/w-1/rayCluster", 200, "{\"x\":1}")))));
    assertEquals("/interactions/0/request/path", f.pointer());
    assertEquals("operation", f.keyword());
    assertTrue(f.message().contains("/api/v1/workspaces/{workspaceId}/rayCluster/{clusterId}"), f.message());
  }

  @Test
  void wrongMethod_isReportedAtTheMethod() {
    Finding f = onlyFinding(only(check(v4(v4Http("post", PATH, 200, CLUSTER)))));
    assertEquals("/interactions/0/request/method", f.pointer());
  }

  @Test
  void noBody_checksTheStatusOnly_andAMissingStatusMeans200() {
    String pact = v4("{\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"request\":{\"method\":\"GET\","
        + "\"path\":\"" + PATH + "\"},\"response\":{}}");
    Outcome o = only(check(pact));
    assertEquals(Verdict.VALID, o.verdict());
    assertTrue(o.label().endsWith("-> 200"), o.label());
  }

  @Test
  void base64EncodedBody_isDecodedThenValidated() {
    String encoded = Base64.getEncoder().encodeToString(
        "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Paused\"}".getBytes(StandardCharsets.UTF_8));
    String pact = v4("{\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"request\":{\"method\":\"GET\","
        + "\"path\":\"" + PATH + "\"},\"response\":{\"status\":200,\"body\":{\"content\":\"" + encoded
        + "\",\"contentType\":\"application/json\",\"encoded\":\"base64\"}}}");
    Finding f = onlyFinding(only(check(pact)));
    assertEquals("/interactions/0/response/body/content/state", f.pointer());
    assertEquals("enum", f.keyword());
  }

  @Test
  void nonJsonContentType_isReported() {
    String pact = v4("{\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"request\":{\"method\":\"GET\","
        + "\"path\":\"" + PATH + "\"},\"response\":{\"status\":200,\"body\":{\"content\":\"hello\","
        + "\"contentType\":\"text/plain\",\"encoded\":false}}}");
    Finding f = onlyFinding(only(check(pact)));
    assertEquals("/interactions/0/response/body/contentType", f.pointer());
  }

  @Test
  void messageInteractions_areSkippedAndCounted() {
    FileOutcome f = check(v4(v4Http("GET", PATH, 200, CLUSTER),
        "{\"type\":\"Asynchronous/Messages\",\"description\":\"m\",\"contents\":{\"content\":{}}}"));
    assertEquals(1, f.outcomes().size());
    assertEquals(1, f.skipped());
    assertEquals(Verdict.VALID, f.outcomes().get(0).verdict());
  }

  @Test
  void notJson_isUnreadableWithTheParserProblem() {
    Outcome o = only(check("{\"consumer\": {\"name\": \"c\"}, \"interactions\": [ oops"));
    assertEquals(Verdict.UNREADABLE, o.verdict());
    assertNull(o.entry());
    assertEquals("syntax", onlyFinding(o).keyword());
    assertTrue(onlyFinding(o).message().contains("line 1"), onlyFinding(o).message());
  }

  @Test
  void jsonThatIsNotAPact_isUnreadableSayingWhatAPactHas() {
    for (String notAPact : List.of("[1, 2]", CLUSTER, "\"text\"")) {
      Outcome o = only(check(notAPact));
      assertEquals(Verdict.UNREADABLE, o.verdict(), notAPact);
      Finding f = onlyFinding(o);
      assertEquals("pact", f.keyword());
      assertTrue(f.message().contains("not a Pact file") && f.message().contains("\"interactions\""), f.message());
    }
  }

  @Test
  void interactionsNotAnArray_orNoConsumer_pointAtTheProblem() {
    Finding f = onlyFinding(only(check("{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":{}}")));
    assertEquals("/interactions", f.pointer());
    f = onlyFinding(only(check("{\"consumer\":\"c\",\"provider\":{\"name\":\"p\"},\"interactions\":[]}")));
    assertEquals("/consumer", f.pointer());
    assertTrue(f.message().contains("\"name\""), f.message());
  }

  @Test
  void messagePact_isUnreadableSayingItHasNoHttpInteractions() {
    Finding f = onlyFinding(only(check("{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"messages\":[]}")));
    assertTrue(f.message().contains("message pact"), f.message());
  }

  @Test
  void malformedInteraction_isUnreadableAtItsPointer_andTheOthersAreStillChecked() {
    FileOutcome f = check(v4("{\"type\":\"Synchronous/HTTP\",\"description\":\"bad\",\"request\":{\"path\":\"" + PATH
        + "\"},\"response\":{\"status\":\"200\"}}", v4Http("GET", PATH, 200, CLUSTER), "42"));
    assertEquals(3, f.outcomes().size());
    assertEquals(Verdict.UNREADABLE, f.outcomes().get(0).verdict());
    assertEquals("/interactions/0/request/method", onlyFinding(f.outcomes().get(0)).pointer());
    assertEquals(Verdict.VALID, f.outcomes().get(1).verdict());
    assertEquals("/interactions/2", onlyFinding(f.outcomes().get(2)).pointer());
  }

  @Test
  void statusThatIsNotAnInteger_isUnreadableAtTheStatus() {
    Finding f = onlyFinding(only(check(v4(v4Http("GET", PATH, 200, CLUSTER).replace("\"status\":200", "\"status\":\"200\"")))));
    assertEquals("/interactions/0/response/status", f.pointer());
  }
}
