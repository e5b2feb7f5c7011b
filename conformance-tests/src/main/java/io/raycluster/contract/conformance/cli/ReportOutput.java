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

/**
 * Writes a report the way {@code validate} and {@code validate-pact} both do: to standard output,
 * or to {@code --output FILE} with the summary line still on standard output; the exit code is
 * 0 when everything was valid, else 1.
 */
final class ReportOutput {
  private ReportOutput() {}

  static int write(List<FileOutcome> results, ReportFormat format, Path output, PrintStream stdout,
      CommandLine commandLine) {
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
