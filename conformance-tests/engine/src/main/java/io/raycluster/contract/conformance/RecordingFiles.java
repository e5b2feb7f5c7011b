package io.raycluster.contract.conformance;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The files of a folder of recordings (or pacts): every regular file below it, at any depth,
 * whose name ends with one of the given extensions (any letter case), sorted by path so that a
 * run reports in the same order every time. Symbolic links to folders are not followed (no loops).
 */
public final class RecordingFiles {
  /** What {@code validate} and {@code replay} read: bodies and HAR files. */
  public static final List<String> RECORDINGS = List.of(".json", ".har");

  private RecordingFiles() {}

  /** A folder below the one searched that could not be listed, and why. */
  public record Unlisted(Path path, String reason) {}

  /**
   * What a search found: the files, the size each had when it was listed (in bytes, a hint: a
   * file may change before it is read), and the folders inside that could not be listed.
   */
  public record Found(List<Path> files, List<Long> sizes, List<Unlisted> unlisted) {}

  /**
   * Every matching file; a folder inside that cannot be listed (no permission, vanished) is
   * reported in {@link Found#unlisted()} and the search goes on.
   *
   * @throws IOException when {@code directory} itself cannot be listed
   */
  public static Found scan(Path directory, List<String> extensions) throws IOException {
    List<Listed> files = new ArrayList<>();
    List<Unlisted> unlisted = new ArrayList<>();
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile() && matches(file.getFileName().toString(), extensions)) {
          files.add(new Listed(file, attrs.size()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (file.equals(directory)) {
          throw e;
        }
        unlisted.add(new Unlisted(file, reason(e)));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          if (dir.equals(directory)) {
            throw e;
          }
          unlisted.add(new Unlisted(dir, reason(e)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    files.sort(Comparator.comparing(Listed::path));
    unlisted.sort(Comparator.comparing(Unlisted::path));
    return new Found(files.stream().map(Listed::path).toList(), files.stream().map(Listed::size).toList(),
        List.copyOf(unlisted));
  }

  private record Listed(Path path, long size) {}

  /** The name ends with one of the extensions, in any letter case (the listing's inner loop). */
  private static boolean matches(String name, List<String> extensions) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String e : extensions) {
      if (n.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every matching file.
   *
   * @throws IOException when the folder (or a folder inside it) cannot be listed
   */
  public static List<Path> list(Path directory, List<String> extensions) throws IOException {
    Found found = scan(directory, extensions);
    if (!found.unlisted().isEmpty()) {
      Unlisted first = found.unlisted().get(0);
      throw new IOException("cannot list " + first.path() + ": " + first.reason());
    }
    return found.files();
  }

  /** Why a path could not be read, in words ("permission denied"), not an exception's class name. */
  public static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "it no longer exists";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
