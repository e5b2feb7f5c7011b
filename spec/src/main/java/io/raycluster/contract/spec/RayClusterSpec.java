package io.raycluster.contract.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Where the OpenAPI document of GetRayCluster lives on the classpath. The document is the one
 * file under {@code spec/src/main/resources}; everything that reads the contract (the client
 * runtime, the conformance engine, the tests) reads it through this class, never from a copy.
 */
public final class RayClusterSpec {
  /** Classpath resource name of the OpenAPI document (no leading slash). */
  public static final String RESOURCE = "openapi/getraycluster.yaml";

  private RayClusterSpec() {}

  /** The document's URL inside the spec jar (or {@code target/classes} in a reactor build). */
  public static URL url() {
    URL url = RayClusterSpec.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(
          "The OpenAPI document '" + RESOURCE + "' is not on the classpath: add the raycluster-spec jar.");
    }
    return url;
  }

  /** Opens the document; the caller closes the stream. */
  public static InputStream open() throws IOException {
    return url().openStream();
  }

  /** The document as text (UTF-8). */
  public static String text() {
    try (InputStream in = open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
