package io.raycluster.contract.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * Every jar's manifest says which vendor API version it implements ({@code Vendor-API-Version},
 * from the build's {@code vendor.api.version}); the spec says it first, in {@code info.version}.
 */
class VendorApiVersionTest {
  @Test
  void manifestVersionOfTheBuild_isTheSpecsInfoVersion() {
    String manifest = System.getProperty("vendor.api.version");
    assertNotNull(manifest, "run by Maven, which passes vendor.api.version");
    assertEquals(ApiSpec.bundled().apiVersion(), manifest,
        "the root pom's vendor.api.version must be the spec's info.version");
  }
}
