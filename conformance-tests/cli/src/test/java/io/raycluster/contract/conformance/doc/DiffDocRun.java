package io.raycluster.contract.conformance.doc;

import io.raycluster.contract.conformance.cli.DiffDocCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Runs {@link DiffDocCommand} in-process and keeps what it printed and returned. */
record DiffDocRun(int exit, String out, String err) {
  static DiffDocRun of(DiffDocCommand command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(command)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
    return new DiffDocRun(exit, out.toString(), err.toString());
  }

  /** The command as the CLI registers it: the page's example checked by the engine (strict). */
  static final ExampleChecker ENGINE = EngineExampleChecker.fromSpec();

  static DiffDocRun of(String... args) {
    return of(new DiffDocCommand(ENGINE), args);
  }

  /**
   * The vendor's page, laid beside the repository as {@code ../shared/reference/} (read-only);
   * empty where it is not there. The repository root is two levels above this module.
   */
  static Optional<Path> vendorPage() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path page = module.resolve("../../../shared/reference/GetRayCluster-api-reference.txt").normalize();
    return Files.isRegularFile(page) ? Optional.of(page) : Optional.empty();
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }
}
