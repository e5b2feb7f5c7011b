package io.raycluster.contract.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user gets it: the tarball unpacked with {@code tar}, the launcher run as a
 * process (finding Java, the CDS archive, symlinks), and the zip holding the same files. Runs in
 * failsafe, after {@code package} has built both archives.
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("distribution.version");
  private static final Path TARGET = Path.of(System.getProperty("distribution.directory", "target"));
  private static final Path SAMPLES = Path.of(System.getProperty("samples.recordings", "../../samples/recordings"));

  @TempDir static Path unpacked;
  private static Path home;

  @BeforeAll
  static void unpackTheTarball() throws Exception {
    home = unpack(unpacked);
  }

  /** The tarball unpacked with {@code tar} into {@code dir}; returns the distribution's folder. */
  private static Path unpack(Path dir) throws Exception {
    Path tarball = TARGET.resolve("raycluster-conformance-" + VERSION + ".tar.gz").toAbsolutePath();
    assertTrue(Files.isRegularFile(tarball), "run after package: " + tarball);
    Result tar = run(dir, Map.of(), "tar", "-xzf", tarball.toString(), "-C", dir.toString());
    assertEquals(0, tar.code, tar.err);
    return dir.resolve("raycluster-conformance-" + VERSION);
  }

  @Test
  void unpacked_validateTheSampleRecordings_exitsZero(@TempDir Path cds) throws Exception {
    Result r = launch(Map.of("RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString()),
        "validate", SAMPLES.toAbsolutePath().toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains(" 0 invalid, 0 unreadable"), r.out);
    assertEquals("", r.err);
  }

  /** One test per subcommand that the tool has, read from the tool itself. */
  @TestFactory
  Stream<DynamicTest> everyCommand_help_exitsZeroAndSaysHowToUseIt() {
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    List<String> commands = new ArrayList<>(ConformanceCli.commandLine(InputStream.nullInputStream(), nowhere, nowhere, false)
        .getSubcommands().keySet());
    commands.add(0, "");
    return commands.stream().map(command -> DynamicTest.dynamicTest(command.isEmpty() ? "--help" : command + " --help", () -> {
      Result r = command.isEmpty() ? launch(Map.of(), "--help") : launch(Map.of(), command, "--help");
      assertEquals(0, r.code, r.err);
      assertTrue(r.out.contains("Usage: raycluster-conformance" + (command.isEmpty() ? " " : " " + command + " ")), r.out);
    }));
  }

  @Test
  void version_namesTheReleaseAndTheContract() throws Exception {
    Result r = launch(Map.of(), "--version");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.startsWith("raycluster-conformance " + VERSION + "\n"), r.out);
    assertTrue(r.out.contains("API version 2023-08-08"), r.out);
  }

  @Test
  void launcher_calledThroughASymlinkElsewhere_findsItsJar(@TempDir Path bin) throws Exception {
    Path link = bin.resolve("raycluster-conformance");
    Files.createSymbolicLink(link, home.resolve("bin/raycluster-conformance"));
    Result r = run(bin, Map.of(), link.toString(), "--version");
    Files.delete(link);
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.startsWith("raycluster-conformance " + VERSION), r.out);
  }

  @Test
  void launcher_whenJavaHomeHasNoJava_exitsTwoNamingIt(@TempDir Path notAJdk) throws Exception {
    Result r = launch(Map.of("JAVA_HOME", notAJdk.toString()), "--version");
    assertEquals(2, r.code);
    assertEquals("", r.out);
    assertTrue(r.err.contains("JAVA_HOME is " + notAJdk) && r.err.contains("Java 17+"), r.err);
  }

  @Test
  void launcher_whenJavaIsOlderThan17_exitsTwoSayingWhatItNeeds(@TempDir Path oldJdk) throws Exception {
    // A Java 11 installation as the launcher sees one: a 'release' file and a bin/java that must never run.
    Files.createDirectories(oldJdk.resolve("bin"));
    Path java = oldJdk.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho 'this java must not be started' >&2\nexit 99\n");
    java.toFile().setExecutable(true);
    Files.writeString(oldJdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"11.0.21\"\n");
    Result r = launch(Map.of("JAVA_HOME", oldJdk.toString()), "validate", ".");
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("is Java 11.0.21; the tool needs Java 17 or newer"), r.err);
  }

  @Test
  void launcher_onJava17_makesACdsArchiveOnceAndStartsFromIt(@TempDir Path cds) throws Exception {
    assumeTrue(Runtime.version().feature() < 19, "the launcher's own archive is for Java 17 and 18");
    Map<String, String> env = Map.of("RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString());
    assertEquals(0, launch(env, "--version").code);
    List<Path> archives = archivesIn(cds);
    assertEquals(1, archives.size(), "one archive: " + archives);

    Map<String, String> logging = new HashMap<>(env);
    logging.put("JAVA_OPTS", "-Xlog:class+load=info");
    Result r = launch(logging, "validate", SAMPLES.toAbsolutePath().toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.lines().anyMatch(l -> l.contains(ConformanceCli.class.getName() + " source: shared objects file")),
        "the tool's classes come from the archive");
    assertEquals(archives, archivesIn(cds), "the second run makes no new archive");
  }

  @Test
  void launcher_installedUnderAPathWithSpaces_runsAndKeepsItsArchiveThere(@TempDir Path parent) throws Exception {
    Path spaced = parent.resolve("my tools (x86) * [1]");
    Files.createDirectories(spaced);
    Path launcher = unpack(spaced).resolve("bin/raycluster-conformance");
    Path cds = parent.resolve("cache with space");
    Result r = run(parent, Map.of("JAVA_HOME", System.getProperty("java.home"),
        "RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString()), launcher.toString(), "validate", SAMPLES.toAbsolutePath().toString());
    assertEquals(0, r.code, r.err);
    assertEquals("", r.err);
    assertEquals(1, archivesIn(cds).size(), "the archive is in the folder named, spaces and all");
  }

  /**
   * A rebuilt jar can keep its size and, the build being reproducible, its time stamp: the
   * archive follows the jar's contents, so a changed jar never runs with the old jar's classes.
   */
  @Test
  void launcher_whenTheJarChangesButKeepsItsSizeAndTime_makesANewArchive(@TempDir Path parent) throws Exception {
    assumeTrue(Runtime.version().feature() < 19, "the launcher's own archive is for Java 17 and 18");
    Path copy = Files.createDirectories(parent.resolve("copy"));
    Path distribution = unpack(copy);
    Path launcher = distribution.resolve("bin/raycluster-conformance");
    Path jar = distribution.resolve("lib/raycluster-conformance.jar");
    Path cds = parent.resolve("cds");
    Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"), "RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString());
    assertEquals(0, run(parent, env, launcher.toString(), "--version").code);
    assertEquals(1, archivesIn(cds).size());

    // Same length, same time, other bytes: a resource renamed in both of the zip's headers.
    byte[] bytes = Files.readAllBytes(jar);
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(jar);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String renamed = text.replace("pom.properties", "pom.propertiez");
    assertTrue(!renamed.equals(text), "the jar has a pom.properties to rename");
    Files.write(jar, renamed.getBytes(StandardCharsets.ISO_8859_1));
    Files.setLastModifiedTime(jar, time);

    Result r = run(parent, env, launcher.toString(), "--version");
    assertEquals(0, r.code, r.err);
    assertEquals(2, archivesIn(cds).size(), "a second archive, for the changed jar");
  }

  @Test
  void launcher_interruptedWhileMakingItsArchive_stopsTheTrainingAndLeavesNoTempFile(@TempDir Path cds) throws Exception {
    assumeTrue(Runtime.version().feature() < 19, "the launcher's own archive is for Java 17 and 18");
    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/raycluster-conformance").toString(), "--version")
        .directory(unpacked.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString());
    Process launcher = pb.start();
    List<ProcessHandle> training = List.of();
    for (int i = 0; i < 100 && training.isEmpty(); i++) {  // the training JVM, once started
      Thread.sleep(20);
      training = launcher.descendants().toList();
    }
    assertFalse(training.isEmpty(), "the first run starts a training JVM");
    launcher.destroy();  // SIGTERM
    assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
    assertEquals(143, launcher.exitValue());
    for (ProcessHandle jvm : training) {
      jvm.onExit().get(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> left = Files.list(cds)) {
      assertEquals(List.of(), left.toList(), "no temp file, no archive, no failure mark");
    }
  }

  @Test
  void launcher_withCdsOff_makesNoArchive(@TempDir Path cds) throws Exception {
    Result r = launch(Map.of("RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString(), "RAYCLUSTER_CONFORMANCE_CDS", "off"),
        "--version");
    assertEquals(0, r.code, r.err);
    assertEquals(List.of(), archivesIn(cds));
  }

  @Test
  void launcher_onAnotherJdk_ofNineteenOrNewer_runsWithItsOwnArchive(@TempDir Path cds) throws Exception {
    Path jdk = Path.of(System.getProperty("distribution.otherJdk", "/nonexistent"));
    assumeTrue(Files.isExecutable(jdk.resolve("bin/java")),
        "no second JDK of Java 19+ named by -Ddistribution.otherJdk (.ci/run names one when the machine has it)");
    Map<String, String> env = Map.of("JAVA_HOME", jdk.toString(), "RAYCLUSTER_CONFORMANCE_CDS_DIR", cds.toString());
    Result r = launch(env, "validate", SAMPLES.toAbsolutePath().toString());
    assertEquals(0, r.code, r.err);
    assertEquals(1, archivesIn(cds).size(), "the JVM wrote its archive at exit");
  }

  @Test
  void zipAndTarball_holdTheSameFiles_withAnExecutableLauncher() throws Exception {
    Set<String> unpackedFiles = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      files.filter(Files::isRegularFile).filter(p -> !unpacked.relativize(p).toString().contains("/lib/cds/"))
          .forEach(p -> unpackedFiles.add(unpacked.relativize(p).toString()));
    }
    Set<String> zipped = new TreeSet<>();
    try (ZipFile zip = ZipFile.builder().setPath(TARGET.resolve("raycluster-conformance-" + VERSION + ".zip")).get()) {
      for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
        if (!e.isDirectory()) {
          zipped.add(e.getName());
        }
        if (e.getName().endsWith("bin/raycluster-conformance")) {
          assertEquals(0755, e.getUnixMode() & 0777, "the launcher is executable in the zip");
        }
        if (e.getName().endsWith(".bat")) {
          String bat = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.US_ASCII);
          assertTrue(bat.contains("\r\n") && !bat.replace("\r\n", "").contains("\n"), "the .bat has CRLF line ends");
        }
      }
    }
    String root = "raycluster-conformance-" + VERSION + "/";
    assertEquals(new TreeSet<>(List.of(root + "LICENSE", root + "README.md", root + "bin/raycluster-conformance",
        root + "bin/raycluster-conformance.bat", root + "lib/raycluster-conformance.jar")), zipped);
    assertEquals(zipped, unpackedFiles);
    assertTrue(Files.getPosixFilePermissions(home.resolve("bin/raycluster-conformance")).contains(PosixFilePermission.OWNER_EXECUTE));
    assertFalse(Files.readString(home.resolve("README.md")).contains("${"), "README.md is filtered");
  }

  /** The quick start and the changelog name the release this build makes (a version bump must update them). */
  @Test
  void readmeAndChangelog_nameThisRelease() throws Exception {
    Path root = Path.of(System.getProperty("project.root", "../.."));
    String readme = Files.readString(root.resolve("README.md"));
    assertTrue(readme.contains("conformance-tests/cli/target/raycluster-conformance-" + VERSION + ".zip"),
        "README.md's quick start unpacks raycluster-conformance-" + VERSION + ".zip");
    assertTrue(readme.contains("<version>" + VERSION + "</version>"), "README.md's BOM snippet names " + VERSION);
    assertTrue(Files.readString(root.resolve("CHANGELOG.md")).contains("## [" + VERSION + "]"),
        "CHANGELOG.md has a section for " + VERSION);
  }

  private static List<Path> archivesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).sorted().toList();
    }
  }

  private static Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/raycluster-conformance").toString());
    command.addAll(List.of(args));
    Map<String, String> withJava = new HashMap<>();
    withJava.put("JAVA_HOME", System.getProperty("java.home"));
    withJava.putAll(env);
    return run(unpacked, withJava, command.toArray(String[]::new));
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
    Path out = Files.createTempFile(unpackedOr(dir), "out", ".txt");
    Path err = Files.createTempFile(unpackedOr(dir), "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("RAYCLUSTER_CONFORMANCE_")
        || k.equals("JAVA_OPTS"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish within 120 s: " + String.join(" ", command));
    }
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  private static Path unpackedOr(Path dir) {
    return unpacked != null ? unpacked : dir;
  }
}
