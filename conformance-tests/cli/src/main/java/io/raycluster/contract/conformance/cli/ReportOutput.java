package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.report.ReportFormat;
import io.raycluster.contract.conformance.report.Summary;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The report options {@code validate} and {@code validate-pact} share ({@code --format},
 * {@code --output}, a picocli mixin) and how both write the report: to standard output, or to
 * {@code --output FILE} with the summary line still on standard output; the exit code is 0 when
 * everything was valid, else 1.
 */
final class ReportOutput {
  @Option(names = "--format", paramLabel = "text|json|junit", defaultValue = "text",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output (the summary line still goes to standard output).")
  Path output;

  int write(List<FileOutcome> results, PrintStream stdout, CommandLine commandLine) {
    Summary summary = Summary.of(results);
    if (output == null) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
      format.write(results, summary, out);
      out.flush();
    } else {
      try {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
            PrintWriter out = new PrintWriter(w)) {
          format.write(results, summary, out);
        }
      } catch (IOException e) {
        throw new CommandLine.ParameterException(commandLine, "cannot write the report to " + output
            + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
      }
      stdout.println(summary.line());
      stdout.flush();
    }
    return summary.allValid() ? 0 : 1;
  }
}
