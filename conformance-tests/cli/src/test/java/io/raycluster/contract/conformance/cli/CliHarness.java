package io.raycluster.contract.conformance.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs the tool in-process, as many times as a test likes, collecting what it prints on standard
 * output and standard error until {@link #reset()}. The one harness of the CLI tests
 * ({@link CliRun} is a single run of it).
 */
final class CliHarness {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** Runs with empty standard input, not on a terminal; returns the exit code. */
  int run(String... args) {
    return run("", false, args);
  }

  /** Runs with {@code stdin} as standard input, on a terminal or not; returns the exit code. */
  int run(String stdin, boolean terminal, String... args) {
    return ConformanceCli.execute(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        terminal, args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  void reset() {
    out.reset();
    err.reset();
  }
}
