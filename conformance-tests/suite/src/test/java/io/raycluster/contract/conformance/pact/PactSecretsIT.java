package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No secret is pinned in a generated pact: every file under the pact directory is scanned for
 * the consumer tests' sentinel credentials, and every place a secret travels (the signature, the
 * key id, an STS token, {@code submitToken}, the dashboard {@code token=}) must hold a
 * placeholder and be matched by type or pattern, never by value.
 */
class PactSecretsIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9A-Za-z<>%]+)");
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^,]+),");
  private static List<Path> pacts;

  @BeforeAll
  static void findPacts() throws IOException {
    try (Stream<Path> files = Files.list(PactContract.pactDir())) {
      pacts = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(pacts.isEmpty(), "no pact in " + PactContract.pactDir().toAbsolutePath());
  }

  @Test
  void pactFiles_neverContainTheSentinelCredentials() throws IOException {
    for (Path pact : pacts) {
      String text = Files.readString(pact, StandardCharsets.UTF_8);
      for (String secret : List.of(RayClusterClientPactTest.SENTINEL_KEY_ID, RayClusterClientPactTest.SENTINEL_SECRET)) {
        assertFalse(text.contains(secret), pact + " contains a sentinel credential");
      }
    }
  }

  @Test
  void authorizationHeader_isAPlaceholderMatchedByPattern() throws IOException {
    for (Path pact : pacts) {
      for (JsonNode interaction : MAPPER.readTree(pact.toFile()).get("interactions")) {
        JsonNode request = interaction.get("request");
        String authorization = header(request, "authorization");
        assertTrue(authorization != null, "the contract requires Authorization: " + interaction.get("description"));
        Matcher signature = SIGNATURE.matcher(authorization);
        assertTrue(signature.find(), authorization);
        assertTrue(signature.group(1).matches("0+"), "the signature example is a placeholder: " + authorization);
        Matcher credential = CREDENTIAL.matcher(authorization);
        assertTrue(credential.find() && credential.group(1).startsWith("EXAMPLE"), authorization);
        assertEquals("regex", headerMatcher(request, "Authorization").path("match").asText(),
            "Authorization is matched by pattern");
        for (String name : List.of("x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "host")) {
          assertEquals("regex", headerMatcher(request, name).path("match").asText(), name + " is matched by pattern");
        }
        assertEquals(null, header(request, "x-acs-security-token"), "no STS token in the pact");
        assertEquals(null, header(request, "ray-token"), "no ray-token in the pact");
      }
    }
  }

  @Test
  void submitTokenAndDashboardToken_arePlaceholdersMatchedByTypeOrPattern() throws IOException {
    int seen = 0;
    for (Path pact : pacts) {
      for (JsonNode interaction : MAPPER.readTree(pact.toFile()).get("interactions")) {
        JsonNode response = interaction.get("response");
        JsonNode body = response.path("body").path("content");
        if (body.has("submitToken")) {
          seen++;
          assertEquals(PactContract.EXAMPLE_SUBMIT_TOKEN, body.get("submitToken").asText());
          assertTrue(response.at("/matchingRules/body").has("$.submitToken"), "submitToken has a matcher");
        }
        if (body.has("dashboardUrl")) {
          String url = body.get("dashboardUrl").asText();
          Matcher token = Pattern.compile("[?&]token=([^&]*)").matcher(url);
          assertTrue(!token.find() || token.group(1).toLowerCase(Locale.ROOT).contains("redacted"), url);
          assertTrue(response.at("/matchingRules/body").has("$.dashboardUrl"), "dashboardUrl has a matcher");
        }
      }
    }
    assertTrue(seen > 0, "the running cluster's submitToken is in the contract");
  }

  private static String header(JsonNode request, String name) {
    for (Map.Entry<String, JsonNode> h : request.path("headers").properties()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        JsonNode v = h.getValue();
        return v.isArray() ? v.get(0).asText() : v.asText();
      }
    }
    return null;
  }

  private static JsonNode headerMatcher(JsonNode request, String name) {
    for (Map.Entry<String, JsonNode> h : request.at("/matchingRules/header").properties()) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue().path("matchers").path(0);
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
