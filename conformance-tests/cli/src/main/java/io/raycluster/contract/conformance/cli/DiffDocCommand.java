package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.client.PrintableText;
import io.raycluster.contract.conformance.doc.DocDiff;
import io.raycluster.contract.conformance.doc.DriftReport;
import io.raycluster.contract.conformance.doc.ReferencePage;
import io.raycluster.contract.conformance.doc.ReferencePageParser;
import io.raycluster.contract.conformance.doc.SpecContract;
import io.raycluster.contract.conformance.doc.UnreadablePageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff-doc [--spec FILE] [--format text|json] DOC_FILE}: compares a saved API reference
 * page with the spec (the doc-drift library). Exit 0 no drift, 1 drift found, 2 the file is not
 * a readable reference page (or a usage error).
 */
@Command(
    name = "diff-doc",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares the vendor's API reference page, saved as text, with the spec: the request "
          + "line, the parameters, the response table's element names and types, and the JSON example.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no drift",
      "1:drift found",
      "2:not a readable reference page, or a usage error"
    })
public final class DiffDocCommand implements Callable<Integer> {
  /** Report formats. */
  public enum Format { text, json }

  @Spec
  private CommandSpec commandSpec;

  @Mixin
  private SpecOption spec;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Parameters(paramLabel = "DOC_FILE", description = "The reference page saved as text.")
  private Path docFile;

  @Override
  public Integer call() {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    SpecContract contract = SpecContract.of(spec.load());
    ReferencePage page;
    try {
      page = ReferencePageParser.parse(docFile);
    } catch (UnreadablePageException e) {
      if (format == Format.json) {
        out.print(DriftReport.unreadableJson(e));
        out.flush();
      }
      err.println("diff-doc: " + PrintableText.escape(e.getMessage()));
      err.flush();
      return 2;
    }
    DriftReport report = DocDiff.against(contract).diff(page);
    out.print(format == Format.json ? report.toJson() : report.toText());
    out.flush();
    return report.exitCode();
  }
}
