package io.raycluster.contract.conformance;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
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
    Listed[] sorted = sortedByPath(directory, files);
    unlisted.sort(Comparator.comparing(Unlisted::path));
    List<Path> paths = new ArrayList<>(sorted.length);
    List<Long> sizes = new ArrayList<>(sorted.length);
    for (Listed l : sorted) {
      paths.add(l.path());
      sizes.add(l.size());
    }
    return new Found(Collections.unmodifiableList(paths), Collections.unmodifiableList(sizes),
        List.copyOf(unlisted));
  }

  record Listed(Path path, long size) {}

  private record Keyed(String key, Listed listed) {}

  /**
   * The files in {@link Path#compareTo} order. That comparison is a good part of a large run's
   * serial time (about half a second for 100,000 files, most of it in comparing the long common
   * prefix byte by byte). When every path is ASCII, the text after the searched folder orders
   * the same way (one byte per character; the prefix is common) and compares faster; otherwise
   * the paths themselves are compared. Either way the sort uses every core.
   */
  static Listed[] sortedByPath(Path directory, List<Listed> files) {
    String prefix = directory.toString();
    Keyed[] keyed = new Keyed[files.size()];
    for (int i = 0; i < keyed.length; i++) {
      Listed l = files.get(i);
      String path = l.path().toString();
      if (!path.startsWith(prefix) || !isAscii(path)) {
        Listed[] byPath = files.toArray(new Listed[0]);
        java.util.Arrays.parallelSort(byPath, Comparator.comparing(Listed::path));
        return byPath;
      }
      keyed[i] = new Keyed(path.substring(prefix.length()), l);
    }
    java.util.Arrays.parallelSort(keyed, (a, b) -> a.key().compareTo(b.key()));
    Listed[] sorted = new Listed[keyed.length];
    for (int i = 0; i < keyed.length; i++) {
      sorted[i] = keyed[i].listed();
    }
    return sorted;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

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
