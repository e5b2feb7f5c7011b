package io.raycluster.contract.conformance.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, and the spec it checks against. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = ConformanceCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "raycluster-conformance " + (version == null ? "(development build)" : version),
      "Contract: GetRayCluster, EMR Serverless Spark API 2023-08-08 (OpenAPI 3.0.3)",
      "JVM: ${java.version} (${java.vendor})"
    };
  }
}
