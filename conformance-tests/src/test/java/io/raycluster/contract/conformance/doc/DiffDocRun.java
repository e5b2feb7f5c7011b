package io.raycluster.contract.conformance.doc;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
   * The vendor's page saved by the project (read-only, beside the repository as
   * {@code ../shared/reference/}); empty where it is not laid out.
   */
  static Optional<Path> vendorPage() {
    String name = "shared/reference/GetRayCluster-api-reference.txt";
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    return Stream.of(module.resolve("../../" + name), Path.of("/work/" + name))
        .map(Path::normalize)
        .filter(Files::isRegularFile)
        .findFirst();
  }

  static List<String> lines(String text) {
    return text.lines().toList();
  }
}
