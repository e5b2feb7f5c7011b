package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raycluster.contract.spec.SpecFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports as a person sees them: each command writes its report, a real browser
 * (headless Chromium, {@link HeadlessChromium}) loads the file, and the test reads the page's
 * rendered text (the counts, a failing pointer), checks that no script error or console error
 * happened and that the page asked for nothing but itself.
 *
 * <p>Without a Chromium on the PATH the tests are skipped with a message, unless the system
 * property {@value #REQUIRED} is {@code true} (CI's {@code .ci/run} sets it, after installing
 * Debian's {@code chromium}): then a missing browser fails the build instead of going unnoticed.
 */
class HtmlReportInBrowserTest {
  static final String REQUIRED = "raycluster.browser.required";

  private static HeadlessChromium browser;
  @TempDir Path dir;

  @BeforeAll
  static void startBrowser() throws Exception {
    Optional<Path> exe = HeadlessChromium.find();
    if (exe.isEmpty()) {
      if (Boolean.getBoolean(REQUIRED)) {
        fail("no chromium on the PATH, and -D" + REQUIRED + "=true says the HTML reports must be checked "
            + "in a browser (.ci/run installs Debian's chromium)");
      }
      assumeTrue(false, "no chromium on the PATH: the HTML reports are not checked in a browser "
          + "(install Debian's chromium; CI's .ci/run does, and sets -D" + REQUIRED + "=true)");
    }
    browser = HeadlessChromium.start(exe.get());
  }

  @AfterAll
  static void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /** Loads the report and checks what every report page must be: loaded alone, without errors. */
  private HeadlessChromium.Loaded load(Path report) throws Exception {
    assertTrue(Files.size(report) > 0, report + " was written");
    HeadlessChromium.Loaded page = browser.open(report.toUri());
    assertEquals(List.of(), page.errors(), "no script, console or load error");
    assertEquals(List.of(report.toUri().toString()), page.requests(), "the page asks for nothing but itself");
    return page;
  }

  @Test
  void validateReport_showsTheCountsAndTheFailingPointer() throws Exception {
    Files.writeString(dir.resolve("good.json"), "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\"}");
    Files.writeString(dir.resolve("bad.json"),
        "{\"requestId\":\"r\",\"clusterId\":\"c\",\"state\":\"Running\",\"workerSpec\":[{},{\"maxReplica\":\"10\"}],"
            + "\"<img src=x onerror=alert(1)>\":1}");
    Path report = dir.resolve("out/report.html");

    CliRun run = CliRun.of("validate", "--strict", "--format", "html", "--output", report.toString(), dir.toString());

    assertEquals(1, run.exit(), run.all());
    HeadlessChromium.Loaded page = load(report);
    assertTrue(page.title().startsWith("raycluster-conformance validate: 2 responses in 2 files"), page.title());
    assertTrue(page.text().contains("2 responses in 2 files: 1 valid, 1 invalid, 0 unreadable"), page.text());
    assertTrue(page.text().contains("1\nvalid") || page.text().contains("1 valid"), page.text());
    assertTrue(page.text().contains("/workerSpec/1/maxReplica\ttype\texpected integer, found string \"10\""), page.text());
    assertTrue(page.text().contains("<img src=x onerror=alert(1)>"), "a hostile name is shown as text: " + page.text());
    assertTrue(page.text().indexOf("bad.json") < page.text().indexOf("good.json"), "findings first: " + page.text());
  }

  @Test
  void validatePactReport_pointsIntoThePact() throws Exception {
    Path spec = SpecFixtures.write(SpecFixtures.RAY_JOBS, dir);
    Path pact = dir.resolve("pact.json");
    Files.writeString(pact, "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{"
        + "\"type\":\"Synchronous/HTTP\",\"description\":\"d\",\"request\":{\"method\":\"GET\","
        + "\"path\":\"/api/v1/workspaces/w/rayJobs/j\"},\"response\":{\"status\":200,\"body\":{\"content\":"
        + "{\"requestId\":\"r\",\"jobId\":\"j\",\"state\":\"Running\",\"driver\":{\"exitCode\":\"1\"}},"
        + "\"contentType\":\"application/json\",\"encoded\":false}}}],"
        + "\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}");
    Path report = dir.resolve("pacts.html");

    CliRun run = CliRun.of("validate-pact", "--spec", spec.toString(), "--format", "html", "--output",
        report.toString(), pact.toString());

    assertEquals(1, run.exit(), run.all());
    HeadlessChromium.Loaded page = load(report);
    assertTrue(page.text().startsWith("raycluster-conformance validate-pact"), page.text());
    assertTrue(page.text().contains("/interactions/0/response/body/content/driver/exitCode"), page.text());
  }

  @Test
  void diffDocReport_showsThePagesElementBesideTheSpecsProperty() throws Exception {
    Path spec = SpecFixtures.write(SpecFixtures.RAY_JOBS, dir);
    Path page = SpecFixtures.write(SpecFixtures.RAY_JOBS_PAGE_HTML, dir);
    Files.writeString(page, Files.readString(page).replace("<td>attempts</td><td>integer</td>", "<td>attempts</td><td>string</td>"));
    Path report = dir.resolve("drift.html");

    CliRun run = CliRun.of("diff-doc", "--spec", spec.toString(), "--format", "html", page.toString());
    Files.writeString(report, run.out());

    assertEquals(1, run.exit(), run.all());
    HeadlessChromium.Loaded shown = load(report);
    assertTrue(shown.text().contains("Drift: 1 finding"), shown.text());
    assertTrue(shown.text().contains("TYPE_MISMATCH\t/attempts\tstring (line "), shown.text());
    assertTrue(shown.text().contains("\tinteger\tthe page's type is string; the spec's is integer"), shown.text());
    assertFalse(shown.text().contains("Files without findings"), shown.text());
  }
}
