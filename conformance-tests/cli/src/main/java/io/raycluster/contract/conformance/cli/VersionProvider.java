package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.spec.ApiSpec;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, and the bundled spec it checks against (as the spec names itself). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = ConformanceCli.class.getPackage().getImplementationVersion();
    ApiSpec spec = ApiSpec.bundled();
    return new String[] {
      "raycluster-conformance " + (version == null ? "(development build)" : version),
      "Contract: " + spec.title() + ", API version " + spec.apiVersion() + " (" + spec.source() + ")",
      "JVM: ${java.version} (${java.vendor})"
    };
  }
}
