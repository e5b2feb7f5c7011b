package io.raycluster.contract.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.spec.ApiSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParseDocumentedExampleTest {
  @Test
  void main_printsTheDocumentedClusterWithoutSecrets() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      ParseDocumentedExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    String[] lines = out.split("\n");
    JsonNode example = ApiSpec.bundled().requireOperation("getRayCluster").responses().get("200").example();

    assertEquals("The spec's documented example of a GetRayCluster response, decoded:", lines[0]);
    assertEquals("Ray cluster " + example.path("name").asText("-") + " (" + example.path("clusterId").asText()
        + ") in state " + example.path("state").asText(), lines[1]);
    // Whatever the example's secrets are, none is printed.
    for (String secret : ApiSpec.bundled().sensitivity().properties()) {
      if (example.hasNonNull(secret)) {
        assertFalse(out.contains(example.get(secret).asText()), secret + " printed:\n" + out);
      }
    }
    String dashboard = example.path("dashboardUrl").asText("");
    if (dashboard.contains("token=")) {
      assertFalse(out.contains(dashboard), "the dashboard token printed:\n" + out);
    }
  }
}
