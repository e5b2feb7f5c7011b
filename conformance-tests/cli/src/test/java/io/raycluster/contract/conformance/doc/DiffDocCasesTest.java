package io.raycluster.contract.conformance.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The diff-doc cases as data: each page in {@code diff-doc/pages/} is a reference page in the
 * vendor's saved-text layout, written for these tests, with one change from {@code no-drift.txt}.
 * {@code diff-doc/expected/NAME.txt} holds its exact expected output: the line {@code exit N},
 * then what the command printed (standard output, then standard error). Adding a case is adding
 * two files.
 */
class DiffDocCasesTest {
  static final Path CASES = Path.of("src/test/resources/diff-doc");

  @TestFactory
  Stream<DynamicTest> eachPage_givesExactlyItsExpectedReport() throws IOException {
    List<Path> pages;
    try (Stream<Path> files = Files.list(CASES.resolve("pages"))) {
      pages = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertFalse(pages.isEmpty(), "no pages in " + CASES.resolve("pages"));
    return pages.stream().map(page -> DynamicTest.dynamicTest(page.getFileName().toString(), () -> {
      Path expectedFile = CASES.resolve("expected").resolve(page.getFileName());
      assertTrue(Files.isRegularFile(expectedFile), "no expected report " + expectedFile);
      String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);

      DiffDocRun run = DiffDocRun.of(page.toString());

      assertEquals(expected, "exit " + run.exit() + "\n" + run.out() + run.err());
    }));
  }
}
