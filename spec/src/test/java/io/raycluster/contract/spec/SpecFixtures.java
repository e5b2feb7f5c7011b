package io.raycluster.contract.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixture specs of the project's own (in this module's test jar, used by the other modules'
 * tests too). {@link #RAY_JOBS} describes a made-up "Ray jobs" API with four operations: a GET
 * with query parameters, a POST with a JSON body, a GET of one item and a DELETE.
 */
public final class SpecFixtures {
  /** Classpath resource of the four-operation fixture. */
  public static final String RAY_JOBS = "fixtures/ray-jobs.yaml";
  /**
   * Classpath resource of a reference page of the fixture's getRayJob operation, in the layout of
   * the vendor's pages saved as text, with no drift from the fixture.
   */
  public static final String RAY_JOBS_PAGE = "fixtures/ray-jobs-getRayJob-page.txt";
  /**
   * Classpath resource of the same page as a browser saves it as HTML (tables, lists, a
   * preformatted JSON example, a script, a style and hidden elements a person does not see).
   */
  public static final String RAY_JOBS_PAGE_HTML = "fixtures/ray-jobs-getRayJob-page.html";
  /**
   * Classpath resource of the fixture's product in the format of the vendor's machine-readable API
   * metadata ({@code api-docs.json}): the four operations of the fixture with no drift, plus one
   * the fixture spec does not have.
   */
  public static final String RAY_JOBS_METADATA = "fixtures/ray-jobs-api-docs.json";

  private SpecFixtures() {}

  /** The text of a fixture. */
  public static String text(String resource) {
    try (InputStream in = SpecFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + resource + " on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The four-operation fixture, read. */
  public static ApiSpec rayJobs() {
    return ApiSpec.parse(text(RAY_JOBS), RAY_JOBS);
  }

  /** Writes a fixture into {@code dir} (for tools that take a file) and returns the file. */
  public static Path write(String resource, Path dir) {
    Path file = dir.resolve(Path.of(resource).getFileName().toString());
    try {
      Files.writeString(file, text(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
