package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate-pact}: exit codes, formats and errors for files that are not pacts. */
class ValidatePactCommandTest {
  private static final String PACT = "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},"
      + "\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"request\":{\"method\":\"GET\","
      + "\"path\":\"/api/v1/workspaces/w/rayCluster/c\"},\"response\":{\"status\":200,\"body\":{\"content\":"
      + "%s,\"contentType\":\"application/json\",\"encoded\":false}}}],"
      + "\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}";
  private static final String GOOD = String.format(PACT, "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\"}");
  private static final String BAD = String.format(PACT,
      "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"headSpec\":{\"replica\":\"1\"}}");

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ConformanceCli.execute(new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        false, args);
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void validatePact_whenADirectoryHoldsNoPact_exitsTwo() throws Exception {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    assertEquals(2, run("validate-pact", empty.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("No pact file (*.json) in the directory"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validatePact_whenEveryInteractionAgrees_exitsZero() throws Exception {
    Path good = write("good.json", GOOD);
    assertEquals(0, run("validate-pact", good.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("VALID       " + good + "#0  \"d\": GET"), out.toString());
  }

  @Test
  void validatePact_whenABodyDisagrees_exitsOneWithThePointerIntoThePact() throws Exception {
    Path bad = write("bad.json", BAD);
    assertEquals(1, run("validate-pact", bad.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("INVALID     " + bad + "#0"), text);
    assertTrue(text.contains("/interactions/0/response/body/content/headSpec/replica: "), text);
    assertTrue(text.contains("[type]"), text);
  }

  @Test
  void validatePact_junitFormat_hasOneTestCasePerInteraction() throws Exception {
    Path bad = write("bad.json", BAD);
    assertEquals(1, run("validate-pact", "--format", "junit", bad.toString(), write("good.json", GOOD).toString()));
    String xml = out.toString(StandardCharsets.UTF_8);
    assertTrue(xml.contains("<testsuite") && xml.contains("failures=\"1\""), xml);
  }

  @Test
  void validatePact_notJsonAndNotAPact_exitOneWithClearMessagesAndNoStackTrace() throws Exception {
    Path notJson = write("notjson.json", "this is not JSON");
    Path notPact = write("body.json", "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\"}");
    assertEquals(1, run("validate-pact", "--format", "json", notJson.toString(), notPact.toString()));
    JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals(2, report.at("/summary/unreadable").asInt());
    assertEquals("syntax", report.at("/files/0/errors/0/keyword").asText());
    assertTrue(report.at("/files/1/errors/0/message").asText().startsWith("not a Pact file"), report.toString());
    String errText = err.toString(StandardCharsets.UTF_8);
    assertFalse(errText.contains("Exception") || errText.contains("\tat "), errText);
  }

  @Test
  void validatePact_whenTheFileDoesNotExist_exitsTwo() {
    assertEquals(2, run("validate-pact", dir.resolve("missing.json").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("No such file or directory"), err.toString());
  }

  @Test
  void validatePact_withADirectory_checksEveryJsonFileInIt() throws Exception {
    write("a.json", GOOD);
    write("b.json", GOOD);
    write("notes.txt", "ignored");
    assertEquals(0, run("validate-pact", dir.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("2 responses in 2 files: 2 valid"), out.toString());
  }
}
