package io.raycluster.contract.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing's order is Path's own order, whatever shortcut the sort takes. */
class RecordingFilesTest {
  @TempDir Path dir;

  @Test
  void scan_ordersNestedFoldersAndLookalikeNamesAsPathsCompare() throws Exception {
    assertScanOrdersAsPaths("a.json", "a/b.json", "a-b.json", "a0.json", "A.json", "a/a/z.json",
        "b.har", "a b.json", "a_b.json", "a.json.har", "z/0.json");
  }

  @Test
  void scan_withNamesBeyondAscii_stillOrdersAsPathsCompare() throws Exception {
    assertScanOrdersAsPaths("\u00e9t\u00e9.json", "ete.json", "\ud83d\ude80.json", "\uff21.json", "z.json", "\u00e9/a.json");
  }

  /** Writes the files, then scans the folder: the files come back in Path's order. */
  private void assertScanOrdersAsPaths(String... names) throws Exception {
    List<Path> expected = new ArrayList<>();
    for (String name : names) {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "{}");
      expected.add(file);
    }
    Collections.sort(expected);
    assertEquals(expected, RecordingFiles.scan(dir, RecordingFiles.RECORDINGS).files());
  }

  /** Thousands of random ASCII paths (the characters that sort around '/' and '.' included). */
  @Test
  void sortedByPath_randomAsciiPaths_matchPathOrder() {
    Random random = new Random(20261201);
    String alphabet = "./-_ 09AZaz~!+,";
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        name.append(c == '/' && (j == 0 || j == length - 1 || name.charAt(name.length() - 1) == '/') ? 'x' : c);
      }
      Path p = dir.resolve(name.toString() + ".json");
      paths.add(p);
    }
    paths = new ArrayList<>(new java.util.LinkedHashSet<>(paths));
    List<Path> expected = new ArrayList<>(paths);
    Collections.sort(expected);
    List<Path> sorted = new ArrayList<>();
    for (var listed : RecordingFiles.sortedByPath(dir, listedOf(paths))) {
      sorted.add(listed.path());
    }
    assertEquals(expected, sorted);
  }

  private static List<RecordingFiles.Listed> listedOf(List<Path> paths) {
    List<RecordingFiles.Listed> listed = new ArrayList<>();
    for (Path p : paths) {
      listed.add(new RecordingFiles.Listed(p, 0));
    }
    Collections.shuffle(listed, new Random(1));
    return listed;
  }
}
