package io.raycluster.contract.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final Redactor redactor = new Redactor(mapper);

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
}
