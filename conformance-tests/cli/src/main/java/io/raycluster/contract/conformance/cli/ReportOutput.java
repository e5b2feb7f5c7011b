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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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

  /**
   * Writes the report; returns 0 when everything was valid, else 1.
   *
   * @throws UsageException (exit 2) when the report cannot be written whole: a full disk, a closed
   *     pipe, a folder that cannot be created. A report file is never left half written.
   */
  int write(List<FileOutcome> results, PrintStream stdout, CommandLine commandLine) {
    Summary summary = Summary.of(results);
    if (output == null) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
      format.write(results, summary, out);
      // PrintWriter and PrintStream keep write errors to themselves until asked.
      if (out.checkError() || stdout.checkError()) {
        throw new UsageException("cannot write the report to standard output (a closed pipe or a full disk?)");
      }
    } else {
      try {
        writeFile(results, summary);
      } catch (IOException e) {
        throw new UsageException("cannot write the report to " + output + ": " + reason(e));
      }
      stdout.println(summary.line());
      if (stdout.checkError()) {
        throw new UsageException("the report was written to " + output
            + ", but the summary line cannot be written to standard output");
      }
    }
    return summary.allValid() ? 0 : 1;
  }

  /**
   * A regular file (or a new one) is written under a temporary name beside it and moved into
   * place, so a failed write leaves the old report or none, never a truncated one. Anything else
   * ({@code /dev/stdout}, a FIFO) is written through: it cannot be replaced, and must not be.
   */
  private void writeFile(List<FileOutcome> results, Summary summary) throws IOException {
    Path target = output.toAbsolutePath();
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      if (Files.isDirectory(target)) {
        throw new java.nio.file.FileSystemException(output.toString(), null, "it is a directory");
      }
      try (java.io.OutputStream raw = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
        writeChecked(results, summary, raw);
      }
      return;
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        // A report holds no secret: as readable as the file it replaces, or as a new file would be.
        Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (java.io.OutputStream raw = Files.newOutputStream(tmp)) {
        writeChecked(results, summary, raw);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void writeChecked(List<FileOutcome> results, Summary summary, java.io.OutputStream raw)
      throws IOException {
    Writer w = new java.io.BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(w);
    format.write(results, summary, out);
    if (out.checkError()) {
      // PrintWriter swallowed the IOException: ask the stream itself for the reason.
      raw.flush();
      throw new IOException("the write failed (a full disk, or a closed pipe)");
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    if (e.getClass() == IOException.class && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
  }
}
