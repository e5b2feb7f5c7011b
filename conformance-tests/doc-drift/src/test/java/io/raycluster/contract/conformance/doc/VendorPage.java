package io.raycluster.contract.conformance.doc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The vendor's reference page of GetRayCluster, laid beside the repository as
 * {@code ../shared/reference/GetRayCluster-api-reference.txt} (relative to the repository root,
 * two levels above this module); empty where it is not there.
 */
final class VendorPage {
  static final String RELATIVE = "../shared/reference/GetRayCluster-api-reference.txt";

  private VendorPage() {}

  static Optional<Path> find() {
    Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    Path page = module.resolve("../..").resolve(RELATIVE).normalize();
    return Files.isRegularFile(page) ? Optional.of(page) : Optional.empty();
  }

  /** The message of a test skipped because the page is absent. */
  static String absent() {
    return "the vendor's page is not laid out at " + RELATIVE + " beside the repository root; "
        + "this check runs where it is (see README, 'When the vendor updates the documentation')";
  }
}
