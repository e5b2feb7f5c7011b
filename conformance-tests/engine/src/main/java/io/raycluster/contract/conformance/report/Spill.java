package io.raycluster.contract.conformance.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Part of a report written to a temporary file as the results come, for formats whose counts
 * come first (JUnit, HTML, Markdown): a run of 100,000 entries must not hold its report in memory
 * to learn them. {@link #copyTo} writes the part where it belongs and deletes the file.
 */
final class Spill {
  private final Path file;
  private final Writer writer;

  Spill() {
    try {
      file = Files.createTempFile("raycluster-report-", ".part");
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the part is written. */
  Writer writer() {
    return writer;
  }

  /** Appends the part to {@code out}, then deletes it. */
  void copyTo(Writer out) {
    try {
      writer.close();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        r.transferTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      discard();
    }
  }

  /** Deletes the part (a report that failed, or one copied already). */
  void discard() {
    try {
      writer.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left in the temporary folder: nothing to do about it here
    }
  }
}
