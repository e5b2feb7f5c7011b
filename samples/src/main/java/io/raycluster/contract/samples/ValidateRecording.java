package io.raycluster.contract.samples;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.RecordingValidator;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.Verdict;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validates one recording (a JSON body or a HAR file) with the conformance engine's library API
 * and prints each finding.
 *
 * <pre>
 * ValidateRecording [--strict] &lt;file&gt;
 * </pre>
 *
 * <p>Exit codes: 0 valid; 1 invalid or unreadable; 2 no such file.
 */
public final class ValidateRecording {
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    boolean strict = args.length == 2 && args[0].equals("--strict");
    if (args.length != (strict ? 2 : 1)) {
      err.println("Usage: ValidateRecording [--strict] <file>");
      return 2;
    }
    Path file = Path.of(args[args.length - 1]);
    if (!Files.isRegularFile(file)) {
      err.println(Files.isDirectory(file) ? file + " is a directory; give one recording file"
          : "No such file: " + file);
      return 2;
    }
    // The engine compiles the spec's schemas once; keep one instance for many files or threads.
    ResponseValidator engine = ResponseValidator.fromSpec();
    RecordingValidator validator = new RecordingValidator(engine, strict ? Mode.STRICT : Mode.LENIENT);
    FileOutcome result = validator.validateFile(file, file.toString());
    boolean allValid = true;
    for (Outcome outcome : result.outcomes()) {
      out.printf("%s: %s%n", outcome.entry() == null ? file : file + " entry " + outcome.entry(),
          outcome.verdict().label());
      for (Finding f : outcome.findings()) {
        out.println("  " + f);
      }
      allValid &= outcome.verdict() == Verdict.VALID;
    }
    if (result.outcomes().isEmpty()) {
      out.println(file + ": no GetRayCluster response in it (" + result.skipped() + " entries skipped)");
    }
    return allValid ? 0 : 1;
  }

  private ValidateRecording() {}
}
