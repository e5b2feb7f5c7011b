package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.spec.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate-pact}: exit codes, formats and errors for files that are not pacts. The pacts
 * are of the fixture spec (given with --spec), so these cases do not move with the vendor's
 * contract; the project's own pact is held against the bundled spec in the suite.
 */
class ValidatePactCommandTest {
  private static final String PACT = "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},"
      + "\"interactions\":[{\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"request\":{\"method\":\"GET\","
      + "\"path\":\"/api/v1/workspaces/w/rayJobs/j\"},\"response\":{\"status\":200,\"body\":{\"content\":"
      + "%s,\"contentType\":\"application/json\",\"encoded\":false}}}],"
      + "\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}";
  private static final String GOOD = String.format(PACT, "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\"}");
  private static final String BAD = String.format(PACT,
      "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"driver\":{\"exitCode\":\"1\"}}");

  @TempDir Path dir;
  private String spec;

  @BeforeEach
  void writeSpec() {
    spec = SpecFixtures.write(SpecFixtures.RAY_JOBS, dir).toString(); // .yaml: not read as a pact
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "validate-pact";
    all[1] = "--spec";
    all[2] = spec;
    System.arraycopy(args, 0, all, 3, args.length);
    return CliRun.of(all);
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
    CliRun run = run(empty.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("No pact file (*.json) in the directory"), run.err());
  }

  @Test
  void validatePact_numberBeyondDouble_isAFindingAndTheOtherFilesAreStillChecked() throws Exception {
    Path huge = write("huge.json", String.format(PACT,
        "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"attempts\":1e400}"));
    Path good = write("good.json", GOOD);
    CliRun run = run(huge.toString(), good.toString());
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("/interactions/0/response/body/content/attempts: expected integer, found number 1e400"),
        run.out());
    assertTrue(run.out().contains("VALID       " + good + "#0"), run.out());
  }

  @Test
  void validatePact_whenEveryInteractionAgrees_exitsZero() throws Exception {
    Path good = write("good.json", GOOD);
    CliRun run = run(good.toString());
    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("VALID       " + good + "#0  \"d\": GET"), run.out());
  }

  @Test
  void validatePact_whenABodyDisagrees_exitsOneWithThePointerIntoThePact() throws Exception {
    Path bad = write("bad.json", BAD);
    CliRun run = run(bad.toString());
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("INVALID     " + bad + "#0"), run.out());
    assertTrue(run.out().contains("/interactions/0/response/body/content/driver/exitCode: expected integer"), run.out());
    assertTrue(run.out().contains("[type]"), run.out());
  }

  @Test
  void validatePact_junitFormat_hasOneTestCasePerInteraction() throws Exception {
    Path bad = write("bad.json", BAD);
    CliRun run = run("--format", "junit", bad.toString(), write("good.json", GOOD).toString());
    assertEquals(1, run.exit(), run.all());
    assertTrue(run.out().contains("<testsuite") && run.out().contains("failures=\"1\""), run.out());
  }

  @Test
  void validatePact_notJsonAndNotAPact_exitOneWithClearMessagesAndNoStackTrace() throws Exception {
    Path notJson = write("notjson.json", "this is not JSON");
    Path notPact = write("body.json", "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\"}");
    CliRun run = run("--format", "json", notJson.toString(), notPact.toString());
    assertEquals(1, run.exit());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(2, report.at("/summary/unreadable").asInt());
    assertEquals("syntax", report.at("/files/0/errors/0/keyword").asText());
    assertTrue(report.at("/files/1/errors/0/message").asText().startsWith("not a Pact file"), report.toString());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
  }

  @Test
  void validatePact_whenTheFileDoesNotExist_exitsTwo() {
    CliRun run = run(dir.resolve("missing.json").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("No such file or directory"), run.err());
  }

  @Test
  void validatePact_withADirectory_checksEveryJsonFileInIt() throws Exception {
    write("a.json", GOOD);
    write("b.json", GOOD);
    write("notes.txt", "ignored");
    CliRun run = run(dir.toString());
    assertEquals(0, run.exit(), run.all());
    assertTrue(run.out().contains("2 responses in 2 files: 2 valid"), run.out());
  }
}
