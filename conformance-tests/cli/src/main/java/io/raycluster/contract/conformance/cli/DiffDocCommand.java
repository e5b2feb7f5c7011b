package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.conformance.doc.DocDiff;
import io.raycluster.contract.conformance.doc.DriftReport;
import io.raycluster.contract.conformance.doc.ExampleChecker;
import io.raycluster.contract.conformance.doc.ReferencePage;
import io.raycluster.contract.conformance.doc.ReferencePageParser;
import io.raycluster.contract.conformance.doc.SpecContract;
import io.raycluster.contract.conformance.doc.UnreadablePageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff-doc [--format text|json] DOC_FILE}: compares a saved API reference page with the
 * spec. Exit 0 no drift, 1 drift found, 2 the file is not a readable reference page (or a usage
 * error). Register it as a subcommand with {@code new DiffDocCommand(engineChecker)}; run it alone
 * with {@link #main}.
 */
@Command(
    name = "diff-doc",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the vendor's API reference page, saved as text, with the spec: the request "
          + "line, the response table's element names and types, and the JSON example.",
      "Exit status: 0 no drift, 1 drift found, 2 not a readable reference page or a usage error."
    })
public final class DiffDocCommand implements Callable<Integer> {
  /** Report formats. */
  public enum Format { text, json }

  @Spec
  private CommandSpec commandSpec;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Parameters(paramLabel = "DOC_FILE", description = "The reference page saved as text.")
  private Path docFile;

  private final ExampleChecker checker;

  /** Checks the JSON example's enum values only ({@link SpecEnumChecker}). */
  public DiffDocCommand() {
    this(null);
  }

  /** Checks the JSON example with {@code checker} (the conformance engine in strict mode). */
  public DiffDocCommand(ExampleChecker checker) {
    this.checker = checker;
  }

  public static void main(String... args) {
    System.exit(new CommandLine(new DiffDocCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    ReferencePage page;
    try {
      page = ReferencePageParser.parse(docFile);
    } catch (UnreadablePageException e) {
      if (format == Format.json) {
        out.print(DriftReport.unreadableJson(e));
        out.flush();
      }
      err.println("diff-doc: " + e.getMessage());
      err.flush();
      return 2;
    }
    SpecContract spec = SpecContract.load();
    DocDiff diff = checker == null ? DocDiff.against(spec) : DocDiff.against(spec, checker);
    DriftReport report = diff.diff(page);
    out.print(format == Format.json ? report.toJson() : report.toText());
    out.flush();
    return report.exitCode();
  }
}
