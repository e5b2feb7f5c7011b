package io.raycluster.contract.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files of a folder of recordings (or pacts): every regular file below it, at any depth,
 * whose name ends with one of the given extensions (any letter case), sorted by path so that a
 * run reports in the same order every time.
 */
public final class RecordingFiles {
  /** What {@code validate} and {@code replay} read: bodies and HAR files. */
  public static final List<String> RECORDINGS = List.of(".json", ".har");

  private RecordingFiles() {}

  /**
   * @throws IOException when the folder (or a folder inside it) cannot be listed
   */
  public static List<Path> list(Path directory, List<String> extensions) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(n::endsWith);
      }).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
