package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void sampleRecordings_carryOnlyPlaceholderSecrets() throws IOException {
    Pattern realSignature = Pattern.compile("Signature=[0-9a-f]{16,}");
    Pattern token = Pattern.compile("token=(?!<redacted>)", Pattern.CASE_INSENSITIVE);
    Pattern submitToken = Pattern.compile("\\\\?\"submitToken\\\\?\":\\s*\\\\?\"(?!<redacted>)");
    for (Path f : recordings()) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertFalse(realSignature.matcher(text).find(), f + " has a real-looking signature");
      assertFalse(token.matcher(text).find(), f + " has a dashboard token that is not a placeholder");
      assertFalse(submitToken.matcher(text).find(), f + " has a submitToken that is not a placeholder");
      assertFalse(text.contains("x-acs-security-token"), f + " has an STS token header");
    }
  }
}
