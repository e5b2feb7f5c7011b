package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecException;
import io.raycluster.contract.spec.SpecOperation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --spec FILE}, shared by the commands that work with any OpenAPI 3.0 document
 * ({@code validate}, {@code validate-pact}, {@code replay}, {@code diff-doc}); a picocli mixin.
 * A document that cannot be used is a usage error naming the file and the JSON pointer.
 */
final class SpecOption {
  @Option(names = "--spec", paramLabel = "FILE",
      description = "An OpenAPI 3.0 document (YAML or JSON) to use instead of the bundled GetRayCluster spec.")
  Path file;

  ApiSpec load() {
    if (file == null) {
      return ApiSpec.bundled();
    }
    try {
      return ApiSpec.read(file);
    } catch (SpecException e) {
      throw new UsageException("--spec " + e.getMessage());
    }
  }

  /** The operation named {@code id} (a usage error listing the spec's operations when there is none). */
  static SpecOperation operation(ApiSpec spec, String id) {
    try {
      return spec.requireOperation(id);
    } catch (SpecException e) {
      throw new UsageException("--operation " + id + ": " + e.getMessage());
    }
  }
}
