package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.Sensitivity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** samples/recordings is what the README's quick start validates: it must stay valid and secret-free. */
class SampleRecordingsTest {
  private static final Path RECORDINGS = Path.of("..", "..", "samples", "recordings");

  private static List<Path> recordings() throws IOException {
    try (Stream<Path> s = Files.list(RECORDINGS)) {
      return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".har")).sorted().toList();
    }
  }

  @Test
  void sampleRecordings_areAllValidInStrictMode() throws IOException {
    RecordingValidator strict = new RecordingValidator(ResponseValidator.fromSpec(), Mode.STRICT);
    List<Path> files = recordings();
    assertTrue(files.size() >= 4, "a few recordings, a HAR among them: " + files);
    int validated = 0;
    for (Path f : files) {
      FileOutcome outcome = strict.validateFile(f, f.toString());
      for (Outcome o : outcome.outcomes()) {
        assertEquals(Verdict.VALID, o.verdict(), o.name() + ": " + o.findings());
        validated++;
      }
    }
    assertTrue(validated >= 6, "responses validated: " + validated);
  }

  /** Whatever the spec marks secret, the recordings hold only placeholders for it. */
  @Test
  void sampleRecordings_carryOnlyPlaceholderSecrets() throws IOException {
    Sensitivity secrets = ApiSpec.bundled().sensitivity();
    Pattern realSignature = Pattern.compile("Signature=[0-9a-f]{16,}");
    for (Path f : recordings()) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertFalse(realSignature.matcher(text).find(), f + " has a real-looking signature");
      for (String q : secrets.queryParameters()) {
        Pattern value = Pattern.compile(Pattern.quote(q) + "=(?!<redacted>)", Pattern.CASE_INSENSITIVE);
        assertFalse(value.matcher(text).find(), f + " has a " + q + "= value that is not a placeholder");
      }
      for (String p : secrets.properties()) {
        // the property as JSON, or as JSON inside a HAR's escaped text
        Pattern value = Pattern.compile("\\\\?\"" + Pattern.quote(p) + "\\\\?\":\\s*\\\\?\"(?!<redacted>)");
        assertFalse(value.matcher(text).find(), f + " has a " + p + " that is not a placeholder");
      }
      for (com.fasterxml.jackson.databind.JsonNode header : new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(text).findValues("headers")) {
        for (com.fasterxml.jackson.databind.JsonNode h : header) {
          String name = h.path("name").asText("");
          if (secrets.headers().contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.equalsIgnoreCase("authorization")) {
            assertEquals("REDACTED", h.path("value").asText(), f + ": the " + name + " header is not redacted");
          }
        }
      }
    }
  }
}
