package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.report.ReportFormat;
import io.raycluster.contract.conformance.report.ReportWriter;
import io.raycluster.contract.conformance.report.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The report options {@code validate} and {@code validate-pact} share ({@code --format},
 * {@code --output}, a picocli mixin) and how both write the report: to standard output, or to
 * {@code --output FILE} with the summary line still on standard output; the exit code is 0 when
 * everything was valid, else 1. The report is written as results come ({@link #open}); a report
 * that cannot be written whole (a full disk, a closed pipe) is a {@link UsageException} (exit 2)
 * naming where, and a report file is never left half written.
 */
final class ReportOutput {
  @Option(names = "--format", paramLabel = "text|json|junit|markdown|html", defaultValue = "text",
      description = "Report format (default: ${DEFAULT-VALUE}): markdown is a compact table for a CI "
          + "job summary, html one self-contained page to open in a browser.")
  ReportFormat format;

  /** The command this mixin is part of: its name heads the Markdown and HTML reports. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output (the summary line still goes to standard output).")
  Path output;

  /** The whole report at once; returns 0 when everything was valid, else 1. */
  int write(List<FileOutcome> results, PrintStream stdout, CommandLine commandLine) {
    Session session = open(stdout);
    results.forEach(session::add);
    return session.finish();
  }

  /** Starts a report that is written as the results are {@link Session#add added}. */
  Session open(PrintStream stdout) {
    return new Session(stdout);
  }

  /** One report being written. */
  final class Session {
    /** How many files are added between two write-error checks (each check is a write). */
    private static final int CHECK_EVERY = 1024;

    private final PrintStream stdout;
    private final Summary.Counter counter = new Summary.Counter();
    private final PrintWriter out;
    private final OutputStream raw;
    private final ReportWriter writer;
    /** The temporary file the report is written to before it takes its place; null otherwise. */
    private final Path tmp;
    private final Path target;
    private long added;

    private Session(PrintStream stdout) {
      this.stdout = stdout;
      try {
        if (output == null) {
          target = null;
          tmp = null;
          raw = null;
          out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        } else {
          target = output.toAbsolutePath();
          if (Files.exists(target) && !Files.isRegularFile(target)) {
            // A device or FIFO (/dev/stdout): written through, never replaced.
            if (Files.isDirectory(target)) {
              throw new FileSystemException(output.toString(), null, "it is a directory");
            }
            tmp = null;
            raw = Files.newOutputStream(target, StandardOpenOption.WRITE);
          } else {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
              // A report holds no secret: as readable as the file it replaces, or a new file.
              Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                  : PosixFilePermissions.fromString("rw-r--r--"));
            }
            raw = Files.newOutputStream(tmp);
          }
          out = new PrintWriter(new java.io.BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8)));
        }
        writer = format.open(out, command.qualifiedName());
      } catch (IOException | UncheckedIOException e) {
        throw failed(e);
      }
    }

    void add(FileOutcome file) {
      counter.add(file);
      try {
        writer.add(file);
      } catch (UncheckedIOException e) {
        throw failed(e);
      }
      if (++added % CHECK_EVERY == 0 && out.checkError()) {
        // checkError flushes: asked now and then, so that a full disk stops a long run early
        throw failed(null);
      }
    }

    /** Pushes what was added so far to the output (before waiting for the next result). */
    void flush() {
      try {
        writer.flush();
      } catch (UncheckedIOException e) {
        throw failed(e);
      }
      if (out.checkError()) {
        throw failed(null);
      }
    }

    /** The summary counted so far. */
    Summary summary() {
      return counter.summary();
    }

    /** Ends the report; returns 0 when everything was valid, else 1. */
    int finish() {
      Summary summary = counter.summary();
      try {
        writer.finish(summary);
        // PrintWriter and PrintStream keep write errors to themselves until asked.
        if (out.checkError() || (raw == null && stdout.checkError())) {
          throw failed(null);
        }
        if (raw != null) {
          raw.close();
        }
        if (tmp != null) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (IOException | UncheckedIOException e) {
        throw failed(e);
      } finally {
        deleteTmp();
      }
      if (output != null) {
        stdout.println(summary.line());
        if (stdout.checkError()) {
          throw new UsageException("the report was written to " + output
              + ", but the summary line cannot be written to standard output");
        }
      }
      return summary.allValid() ? 0 : 1;
    }

    private UsageException failed(Exception e) {
      deleteTmp();
      String where = output == null ? "standard output" : output.toString();
      Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
      String why = cause == null ? "the write failed (a full disk, or a closed pipe)"
          : cause instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
          : cause.getClass() == IOException.class && cause.getMessage() != null ? cause.getMessage()
          : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
      return new UsageException("cannot write the report to " + where + ": " + why);
    }

    private void deleteTmp() {
      if (tmp != null) {
        try {
          if (raw != null) {
            raw.close();
          }
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // closing a stream that failed to write fails too; the file is gone or never was
        }
      }
    }
  }
}
