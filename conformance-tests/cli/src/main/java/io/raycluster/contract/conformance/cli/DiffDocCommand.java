package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.client.PrintableText;
import io.raycluster.contract.conformance.doc.ApiMetadata;
import io.raycluster.contract.conformance.doc.DocDiff;
import io.raycluster.contract.conformance.doc.DriftReport;
import io.raycluster.contract.conformance.doc.SpecContract;
import io.raycluster.contract.conformance.doc.UnreadablePageException;
import io.raycluster.contract.conformance.doc.VendorDocuments;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff-doc [--spec FILE] [--format text|json|markdown|html] DOC_FILE}: compares what the
 * vendor publishes (a reference page saved as text or HTML, or its API metadata) with the spec
 * (the doc-drift library). Exit 0 no drift, 1 drift found, 2 the file is not a readable document
 * (or a usage error). {@code diff-doc --metadata-url} prints where the vendor publishes the
 * metadata of the spec's product.
 */
@Command(
    name = "diff-doc",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares what the vendor publishes about the API with the spec. DOC_FILE is told apart by "
          + "its content: the API reference page saved as text or as HTML (the request line, the "
          + "parameters, the response table's element names, types and valid values, the JSON "
          + "example), or the vendor's machine-readable API metadata, api-docs.json (for each "
          + "operation of the spec, the one of its x-acs-action: path, method, parameters, every "
          + "response property with its type, format and enum, the response example).",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no drift",
      "1:drift found",
      "2:not a readable reference page or API metadata (or metadata of another product), or a usage error"
    })
public final class DiffDocCommand implements Callable<Integer> {
  /** Report formats. */
  public enum Format { text, json, markdown, html }

  @Spec
  private CommandSpec commandSpec;

  @Mixin
  private SpecOption spec;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|markdown|html",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). markdown is a "
          + "table for a CI job summary or an issue, html one self-contained page.")
  private Format format;

  @Option(names = "--metadata-url",
      description = "Print the address of the vendor's API metadata for the spec's product and version "
          + "(x-acs-product, x-acs-version), one line each, and exit.")
  private boolean metadataUrl;

  @Parameters(paramLabel = "DOC_FILE", arity = "0..1",
      description = "The reference page saved as text or HTML, or the API metadata (api-docs.json).")
  private Path docFile;

  @Override
  public Integer call() {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    if (metadataUrl) {
      return printMetadataUrls(spec.load(), out, err);
    }
    if (docFile == null) {
      throw new CommandLine.ParameterException(commandSpec.commandLine(), "Missing required parameter: 'DOC_FILE'");
    }
    SpecContract contract = SpecContract.of(spec.load());
    DriftReport report;
    try {
      report = DocDiff.against(contract).diff(VendorDocuments.read(docFile));
    } catch (UnreadablePageException e) {
      switch (format) {
        case json -> out.print(DriftReport.unreadableJson(e));
        case markdown -> out.print(DriftReport.unreadableMarkdown(e));
        case html -> out.print(DriftReport.unreadableHtml(e));
        default -> { }
      }
      out.flush();
      err.println("diff-doc: " + PrintableText.escape(e.getMessage()));
      err.flush();
      return 2;
    }
    out.print(switch (format) {
      case json -> report.toJson();
      case markdown -> report.toMarkdown();
      case html -> report.toHtml();
      default -> report.toText();
    });
    out.flush();
    return report.exitCode();
  }

  private static int printMetadataUrls(ApiSpec apiSpec, PrintWriter out, PrintWriter err) {
    Set<String> urls = new LinkedHashSet<>();
    for (SpecOperation op : apiSpec.operations()) {
      if (op.product() != null && op.version() != null) {
        urls.add(ApiMetadata.url(op.product(), op.version()));
      }
    }
    if (urls.isEmpty()) {
      err.println("diff-doc: the spec's operations carry no x-acs-product and x-acs-version, so the "
          + "address of the vendor's API metadata is not known");
      return 2;
    }
    urls.forEach(out::println);
    out.flush();
    return 0;
  }
}
