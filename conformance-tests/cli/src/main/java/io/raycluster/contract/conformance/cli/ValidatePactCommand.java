package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.RecordingFiles;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.pact.PactSpecChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate-pact [--spec FILE] [--format text|json|junit|markdown|html] [--output FILE] PACT_FILE...}. */
@Command(
    name = "validate-pact",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Checks Pact files (specification V1 to V4) against the spec, interaction by interaction: "
          + "the request's method and path must be an operation of the spec (the bundled GetRayCluster "
          + "spec, or --spec), the response status one the spec declares for it, and the response "
          + "body (the example the matchers carry) must validate against the schema for that status "
          + "in strict mode, so a consumer relying on a field the spec does not declare is reported.",
      "Findings point into the pact file. Message interactions are skipped and counted. "
          + "Directories are searched recursively for *.json."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every interaction agrees with the spec",
      "1:at least one interaction disagrees, or a file is not JSON or not a pact",
      "2:usage error (unknown option, a path that does not exist)"
    })
final class ValidatePactCommand implements Callable<Integer> {
  @ParentCommand ConformanceCli parent;
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin SpecOption specOption;

  @Mixin ReportOutput report;

  @Parameters(paramLabel = "PACT_FILE", arity = "1..*", description = "Pact files or directories.")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    PactSpecChecker checker = new PactSpecChecker(ResponseValidator.forSpec(specOption.load()));
    List<FileOutcome> results = new ArrayList<>();
    for (Path file : collect()) {
      results.add(checker.checkFile(file, file.toString()));
    }
    return report.write(results, parent.out, spec.commandLine());
  }

  private List<Path> collect() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "No such file or directory: " + p);
      }
      if (Files.isDirectory(path)) {
        List<Path> found = RecordingFiles.list(path, List.of(".json"));
        if (found.isEmpty()) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "No pact file (*.json) in the directory " + p);
        }
        files.addAll(found);
      } else {
        files.add(path);
      }
    }
    return files;
  }
}
