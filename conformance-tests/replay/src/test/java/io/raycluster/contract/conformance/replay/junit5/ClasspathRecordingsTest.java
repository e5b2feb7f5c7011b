package io.raycluster.contract.conformance.replay.junit5;

import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.RUNNING;
import static io.raycluster.contract.conformance.replay.junit5.TestRecordings.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.client.RayClusterClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

/** Recordings named on the classpath: in a folder on disk, or inside a jar (a shared test-jar, say). */
class ClasspathRecordingsTest {
  @TempDir
  Path dir;

  private final ClassLoader testClasspath = getClass().getClassLoader();

  /** A jar holding this module's test recordings under {@code recordings/} and {@code broken/}. */
  private URLClassLoader jarWithRecordings() throws IOException {
    Path jar = dir.resolve("shared-recordings.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      copy(out, "fake-spark/running.json", "recordings/");
      copy(out, "fake-spark-broken/bad-status.har", "broken/");
    }
    // No parent but the bootstrap loader: only the jar has these names.
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  private void copy(JarOutputStream out, String resource, String folder) throws IOException {
    out.putNextEntry(new JarEntry(folder));
    out.closeEntry();
    out.putNextEntry(new JarEntry(folder + Path.of(resource).getFileName()));
    try (InputStream in = testClasspath.getResourceAsStream(resource)) {
      in.transferTo(out);
    }
    out.closeEntry();
  }

  @Test
  void folderOnDisk_isReadWhereItIs() throws IOException {
    try (ClasspathRecordings found = ClasspathRecordings.open(testClasspath, List.of("/fake-spark/"))) {
      Path folder = found.paths().get(0);

      assertTrue(Files.isRegularFile(folder.resolve("running.json")), folder.toString());
      assertEquals(List.of(), found.inJars());
    }
  }

  @Test
  void folderInAJar_isServed() throws IOException {
    try (URLClassLoader loader = jarWithRecordings();
        RunningFake fake = RunningFake.start(new RunningFake.Setup(List.of("recordings"), List.of(), Map.of()),
            loader, "a test");
        RayClusterClient client = RayClusterClient.builder().endpoint(fake.baseUrl())
            .credentials(fake.credentials()).build()) {
      String clusterId = RUNNING.get("clusterId").asText();

      assertEquals(RUNNING.get("state").asText(), client.getRayCluster(WORKSPACE, clusterId).getState().getValue());
    }
  }

  @Test
  void folderInAJar_isReadThroughAFileSystemClosedAfterwards() throws IOException {
    Path folder;
    try (URLClassLoader loader = jarWithRecordings();
        ClasspathRecordings found = ClasspathRecordings.open(loader, List.of("recordings"))) {
      folder = found.paths().get(0);
      assertTrue(Files.isRegularFile(folder.resolve("running.json")), folder.toString());
      assertEquals(List.of("classpath resource \"recordings\" is in " + dir.resolve("shared-recordings.jar")),
          found.inJars());
    }

    assertFalse(folder.getFileSystem().isOpen());
  }

  @Test
  void brokenRecordingInAJar_failsNamingTheJarThePlaceInItAndThePointer() throws IOException {
    try (URLClassLoader loader = jarWithRecordings()) {
      ExtensionConfigurationException e = assertThrows(ExtensionConfigurationException.class,
          () -> RunningFake.start(new RunningFake.Setup(List.of("broken"), List.of(), Map.of()), loader, "a test"));

      assertTrue(e.getMessage().contains("/broken/bad-status.har at /log/entries/0/response/status"), e.getMessage());
      assertTrue(e.getMessage().contains("is in " + dir.resolve("shared-recordings.jar")), e.getMessage());
    }
  }

  @Test
  void nameNotOnTheClasspath_isRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClasspathRecordings.open(testClasspath, List.of("fake-spark", "nowhere/recordings")));

    assertTrue(e.getMessage().startsWith("no resource \"nowhere/recordings\" on the test's classpath"), e.getMessage());
  }

  @Test
  void emptyName_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClasspathRecordings.open(testClasspath, List.of("/")));
  }
}
