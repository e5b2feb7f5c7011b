package io.raycluster.contract.conformance.pact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.conformance.cli.ConformanceCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pact the consumer tests generated, held against the spec with {@code validate-pact}: as
 * generated it must agree with the spec, and each hand-broken copy of it (a case file under
 * {@code src/test/resources/pact/broken/}: which interaction, what to change, which findings to
 * expect) must fail with exactly the expected pointers. Adding a case is adding a JSON file.
 *
 * <p>Runs with failsafe, after the consumer tests (surefire) have written the pact.
 */
class PactVersusSpecIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path CASES = Path.of("src/test/resources/pact/broken");

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ConformanceCli.execute(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        false, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Path generatedPact() {
    Path pact = PactContract.pactFile();
    assertTrue(Files.isRegularFile(pact), "the consumer tests wrote " + pact.toAbsolutePath());
    return pact;
  }

  @Test
  void generatedPact_everyInteractionAgreesWithTheSpec() throws IOException {
    Path pact = generatedPact();
    JsonNode root = MAPPER.readTree(pact.toFile());
    assertEquals("4.0", root.at("/metadata/pactSpecification/version").asText());
    assertEquals(PactContract.CONSUMER, root.at("/consumer/name").asText());
    assertEquals(PactContract.PROVIDER, root.at("/provider/name").asText());
    assertEquals(PactContract.ALL.size(), root.get("interactions").size());

    Run run = cli("validate-pact", pact.toString());
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("5 responses in 1 file: 5 valid, 0 invalid, 0 unreadable"), run.out());
    for (PactContract.State state : PactContract.ALL) {
      assertTrue(run.out().contains("[given " + state.name() + "]"), "state " + state.name() + " in\n" + run.out());
    }
  }

  @Test
  void generatedPact_inJsonAndJunitFormats_reportsEveryInteractionValid() throws Exception {
    Run json = cli("validate-pact", "--format", "json", generatedPact().toString());
    assertEquals(0, json.exitCode(), json.err());
    JsonNode report = MAPPER.readTree(json.out());
    assertEquals(5, report.at("/summary/valid").asInt());
    for (JsonNode f : report.get("files")) {
      assertEquals("valid", f.get("verdict").asText(), f.toString());
    }
    Run junit = cli("validate-pact", "--format", "junit", generatedPact().toString());
    assertEquals(0, junit.exitCode(), junit.err());
    assertTrue(junit.out().contains("<testsuite") && junit.out().contains("failures=\"0\""), junit.out());
  }

  @TestFactory
  Stream<DynamicTest> handBrokenCopy_failsValidatePactWithTheExpectedPointers() throws IOException {
    List<Path> cases;
    try (Stream<Path> files = Files.list(CASES)) {
      cases = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(cases.size() >= 3, "case files in " + CASES);
    return cases.stream().map(file -> DynamicTest.dynamicTest(
        file.getFileName().toString().replace(".json", ""), file.toUri(), () -> runCase(file)));
  }

  private void runCase(Path caseFile) throws IOException {
    JsonNode c = MAPPER.readTree(caseFile.toFile());
    ObjectNode pact = (ObjectNode) MAPPER.readTree(generatedPact().toFile());
    int index = indexOf(pact, c.get("interaction").asText());
    ObjectNode interaction = (ObjectNode) pact.get("interactions").get(index);
    for (JsonNode edit : c.get("edits")) {
      apply(interaction, edit);
    }
    Path broken = dir.resolve(caseFile.getFileName());
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(broken.toFile(), pact);

    Run run = cli("validate-pact", "--format", "json", broken.toString());
    assertEquals(1, run.exitCode(), run.out() + run.err());
    JsonNode report = MAPPER.readTree(run.out());
    List<String> actual = new ArrayList<>();
    for (JsonNode f : report.get("files")) {
      if (f.get("entry").asInt() == index) {
        assertEquals("invalid", f.get("verdict").asText(), f.toString());
        for (JsonNode e : f.get("errors")) {
          actual.add(e.get("pointer").asText() + " " + e.get("keyword").asText());
        }
      } else {
        assertEquals("valid", f.get("verdict").asText(), "the other interactions are untouched: " + f);
      }
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode e : c.get("expect")) {
      expected.add("/interactions/" + index + e.get("pointer").asText() + " " + e.get("keyword").asText());
    }
    assertEquals(expected, actual, c.get("description").asText());

    Run text = cli("validate-pact", broken.toString());
    assertEquals(1, text.exitCode());
    assertTrue(text.out().contains("INVALID     " + broken + "#" + index), text.out());
  }

  private static int indexOf(JsonNode pact, String description) {
    JsonNode interactions = pact.get("interactions");
    for (int i = 0; i < interactions.size(); i++) {
      if (description.equals(interactions.get(i).path("description").asText())) {
        return i;
      }
    }
    throw new AssertionError("the generated pact has no interaction \"" + description + "\"");
  }

  /** {"set": pointer, "value": v} or {"remove": pointer}, the pointer relative to the interaction. */
  private static void apply(ObjectNode interaction, JsonNode edit) {
    boolean set = edit.has("set");
    JsonPointer pointer = JsonPointer.compile(edit.get(set ? "set" : "remove").asText());
    JsonNode parent = interaction.at(pointer.head());
    String last = pointer.last().getMatchingProperty();
    if (parent instanceof ObjectNode object) {
      if (set) {
        object.set(last, edit.get("value"));
      } else {
        assertTrue(object.has(last), "nothing to remove at " + pointer);
        object.remove(last);
      }
    } else if (parent instanceof ArrayNode array) {
      int i = Integer.parseInt(last);
      if (set) {
        array.set(i, edit.get("value"));
      } else {
        array.remove(i);
      }
    } else {
      throw new AssertionError("no object or array at " + pointer.head() + " of the interaction");
    }
  }
}
