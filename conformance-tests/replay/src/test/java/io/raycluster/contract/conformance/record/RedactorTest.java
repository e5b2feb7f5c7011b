package io.raycluster.contract.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.spec.ApiSpec;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final ObjectMapper mapper = new ObjectMapper();
  /** Marks of a made-up spec, so these cases test the mechanism, not today's contract. */
  private final Redactor redactor = new Redactor(mapper, Redaction.of(
      Set.of("submitToken", "securityToken"), Set.of("token"),
      Set.of("authorization", "x-acs-security-token", "ray-token")));

  private String body(String text) {
    return new String(redactor.body(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @Test
  void jsonBody_secretsBecomeRedactedStrings_restUnchanged() throws Exception {
    JsonNode out = mapper.readTree(body("{\"clusterId\":\"c\",\"submitToken\":\"s3cret\","
        + "\"dashboardUrl\":\"https://x/d?token=t0k&a=1\",\"headSpec\":{\"cpu\":\"2\"}}"));

    assertEquals("REDACTED", out.get("submitToken").asText());
    assertEquals("https://x/d?token=REDACTED&a=1", out.get("dashboardUrl").asText());
    assertEquals("2", out.at("/headSpec/cpu").asText());
  }

  @Test
  void nonStringSecret_isHiddenButKeepsItsJsonType() throws Exception {
    JsonNode out = mapper.readTree(body("{\"submitToken\":123456789,\"securityToken\":{\"v\":\"x\"}}"));

    assertTrue(out.get("submitToken").isIntegralNumber());
    assertEquals(0, out.get("submitToken").asInt());
    assertTrue(out.get("securityToken").isObject() && out.get("securityToken").isEmpty());
  }

  @Test
  void cutOffBody_secretWithoutClosingQuote_isMasked() {
    String out = body("{\"clusterId\":\"c\",\"submitToken\":\"SECRETPARTIAL1d0");

    assertFalse(out.contains("SECRETPARTIAL"), out);
    assertTrue(out.contains("\"submitToken\":\"REDACTED\""), out);
  }

  @Test
  void htmlBody_tokenInUrl_isMasked() {
    assertEquals("<a href=\"/d?token=REDACTED\">", body("<a href=\"/d?token=abc\">"));
  }

  @Test
  void headers_authorizationKeepsSchemeAndSignedHeaders_secretsGone() {
    List<io.raycluster.contract.conformance.har.HarHeader> out = redactor.headers(List.of(
        Map.entry("Authorization", "ACS3-HMAC-SHA256 Credential=LTAI-key,SignedHeaders=host;x-acs-date,Signature=abcdef"),
        Map.entry("x-acs-security-token", "sts"),
        Map.entry("ray-token", "rt"),
        Map.entry("x-acs-date", "2026-01-01T00:00:00Z")));

    assertEquals("ACS3-HMAC-SHA256 Credential=REDACTED,SignedHeaders=host;x-acs-date,Signature=REDACTED",
        out.get(0).value());
    assertEquals("REDACTED", out.get(1).value());
    assertEquals("REDACTED", out.get(2).value());
    assertEquals("2026-01-01T00:00:00Z", out.get(3).value());
  }

  @Test
  void bundledSpec_everyMarkedPropertyAndHeader_isRedacted() throws Exception {
    // Derived from the spec: whatever it marks x-sensitive today is redacted, nothing listed here.
    Redactor contract = new Redactor(mapper);
    ApiSpec spec = ApiSpec.bundled();
    com.fasterxml.jackson.databind.node.ObjectNode json = mapper.createObjectNode();
    spec.sensitivity().properties().forEach(p -> json.put(p, "SENTINEL-P"));
    spec.sensitivity().queryParameters().forEach(q -> json.put("someUrl-" + q, "https://x/?" + q + "=SENTINEL-Q&keep=1"));
    String out = new String(contract.body(mapper.writeValueAsBytes(json)), StandardCharsets.UTF_8);
    assertFalse(out.contains("SENTINEL"), out);
    assertTrue(spec.sensitivity().queryParameters().isEmpty() || out.contains("keep=1"), out);
    for (String header : spec.sensitivity().headers()) {
      assertEquals("REDACTED", contract.header(header, "SENTINEL-H"), header);
    }
  }

  @Test
  void jsonBody_everyByteButTheSecrets_isKeptAsSent() {
    String sent = "{ \"startTime\": 1e400, \"createTime\":1E2,\"x\" : 1.50,\"y\":-0,"
        + "\"big\":1.000000000000000000001,\"s\":\"\\u00e9\\/\",\n  \"submitToken\": \"s3\\\"cret\" }";

    assertEquals("{ \"startTime\": 1e400, \"createTime\":1E2,\"x\" : 1.50,\"y\":-0,"
        + "\"big\":1.000000000000000000001,\"s\":\"\\u00e9\\/\",\n  \"submitToken\": \"REDACTED\" }",
        body(sent));
  }

  @Test
  void secretArrayOrNumber_isHiddenButKeepsItsJsonType() throws Exception {
    JsonNode out = mapper.readTree(body("{\"a\":[{\"submitToken\":[\"s1\",{\"x\":\"s2\"}]},"
        + "{\"securityToken\":-1.5e3}]}"));

    assertEquals("{\"a\":[{\"submitToken\":[]},{\"securityToken\":0.5}]}", out.toString());
  }

  @Test
  void textAfterTheJsonValue_isMaskedAsText() {
    String out = body("{\"clusterId\":\"c\"} trailing \"submitToken\":\"SECRETTAIL\"");

    assertFalse(out.contains("SECRETTAIL"), out);
    assertTrue(out.startsWith("{\"clusterId\":\"c\"} trailing"), out);
  }
}
