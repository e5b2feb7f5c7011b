package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.Sensitivity;
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
 * key id, and whatever the spec marks {@code x-sensitive}: {@code submitToken}, the dashboard
 * {@code token=}) must hold a placeholder and be matched by type or pattern, never by value.
 */
class PactSecretsIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Sensitivity SECRETS = ApiSpec.bundled().sensitivity();
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
        // No credential header the spec marks secret, but the placeholder Authorization checked above.
        for (String secretHeader : SECRETS.headers()) {
          if (!secretHeader.equals("authorization")) {
            assertEquals(null, header(request, secretHeader), secretHeader + " in the pact");
          }
        }
      }
    }
  }

  /** Whatever the spec marks x-sensitive today, the pact holds only placeholders for it, under matchers. */
  @Test
  void everyValueTheSpecMarksSecret_isAPlaceholderUnderAMatcher() throws IOException {
    int seen = 0;
    for (Path pact : pacts) {
      for (JsonNode interaction : MAPPER.readTree(pact.toFile()).get("interactions")) {
        JsonNode response = interaction.get("response");
        seen += checkSecrets(response.path("body").path("content"), "$", response.at("/matchingRules/body"));
      }
    }
    assertTrue(seen > 0, "the contract holds some value the spec marks secret (the running cluster's submitToken)");
  }

  /** Checks every field below {@code node}; returns how many secret values it met. */
  private static int checkSecrets(JsonNode node, String path, JsonNode matchers) {
    int seen = 0;
    for (Map.Entry<String, JsonNode> f : node.properties()) {
      String at = path + "." + f.getKey();
      JsonNode v = f.getValue();
      if (SECRETS.properties().stream().anyMatch(p -> p.equalsIgnoreCase(f.getKey()))) {
        seen++;
        assertTrue(v.asText().toLowerCase(Locale.ROOT).contains("redacted"), at + " is a placeholder: " + v);
        assertTrue(matchers.has(at), at + " has a matcher");
      } else if (v.isTextual()) {
        for (String q : SECRETS.queryParameters()) {
          Matcher token = Pattern.compile("[?&]" + Pattern.quote(q) + "=([^&]*)").matcher(v.asText());
          while (token.find()) {
            seen++;
            assertTrue(token.group(1).toLowerCase(Locale.ROOT).contains("redacted"), at + ": " + v.asText());
            assertTrue(matchers.has(at), at + " has a matcher");
          }
        }
      } else if (v.isObject()) {
        seen += checkSecrets(v, at, matchers);
      } else if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isObject()) {
            seen += checkSecrets(v.get(i), at + "[" + i + "]", matchers);
          }
        }
      }
    }
    return seen;
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
