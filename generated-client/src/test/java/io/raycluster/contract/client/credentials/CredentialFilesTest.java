package io.raycluster.contract.client.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential files as the vendor's tools read them, and every way they can be wrong, each a
 * {@link CredentialsException} that names the file and never quotes a secret (hostile tests M8
 * and L7).
 */
class CredentialFilesTest {
  private static final String SECRET = "SENTINEL-FILE-SECRET-55aa";
  private static final String TOKEN = "SENTINEL-FILE-TOKEN-66bb";

  @TempDir
  Path home;

  private final Map<String, String> vars = new HashMap<>();

  private Environment env() {
    return Environment.of(vars, home);
  }

  private Path cliConfig() throws IOException {
    Files.createDirectories(home.resolve(".aliyun"));
    return home.resolve(".aliyun/config.json");
  }

  private Path writeCliConfig(String json) throws IOException {
    Path file = cliConfig();
    Files.writeString(file, json);
    return file;
  }

  private Path ini() throws IOException {
    Files.createDirectories(home.resolve(".alibabacloud"));
    return home.resolve(".alibabacloud/credentials");
  }

  private Path writeIni(String text) throws IOException {
    Path file = ini();
    Files.writeString(file, text);
    return file;
  }

  private Credentials resolve() {
    return CredentialsProviders.defaultChain(env()).resolveCredentials();
  }

  /** The chain's failure; it names {@code file} and holds no secret anywhere. */
  private CredentialsException failureNaming(Path file) {
    CredentialsException e = assertThrows(CredentialsException.class, this::resolve);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("SENTINEL"), t.getMessage());
      assertFalse(t.toString().contains("SENTINEL"), t.toString());
    }
    return e;
  }

  private static String profile(String name, String secretJson) {
    return "{\"name\": \"" + name + "\", \"mode\": \"AK\", \"access_key_id\": \"LTAI" + name + "\", "
        + "\"access_key_secret\": " + secretJson + "}";
  }

  private static String config(String... profiles) {
    return "{\"current\": \"default\", \"profiles\": [" + String.join(",", profiles) + "]}";
  }

  // ---- M8: the JSON reader's limits -----------------------------------------------------------

  @Test
  void cliConfig_nestedDeeperThanTheReaderAllows_failsNamingTheFileAndTheReason() throws IOException {
    Path file = writeCliConfig("{\"current\":\"" + SECRET + "\",\"x\":" + "[".repeat(2000) + "]".repeat(2000)
        + ",\"profiles\":[]}");
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("nested deeper than"), m);
  }

  @Test
  void cliConfig_withANumberOfMoreThan1000Digits_failsNamingTheFileAndTheReason() throws IOException {
    Path file = writeCliConfig(config(profile("default", "\"" + SECRET + "\"")).replace("\"current\"",
        "\"n\": " + "7".repeat(1200) + ", \"current\""));
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("a number longer than"), m);
    assertTrue(m.contains("/n"), m);
  }

  @Test
  void cliConfig_withAHugeString_failsNamingTheFileAndTheReason() throws IOException {
    Path file = writeCliConfig(config(profile("default", "\"" + SECRET + "x".repeat(3 * 1024 * 1024) + "\"")));
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("a string longer than"), m);
    assertTrue(m.contains("/profiles/0/access_key_secret"), m);
  }

  @Test
  void cliConfig_largerThanAnyCliConfig_isRefusedBeforeParsing() throws IOException {
    Path file = cliConfig();
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("{\"current\":\"default\",\"profiles\":[],\"pad\":\"" + SECRET);
      for (int i = 0; i < 5 * 1024; i++) {
        w.write("y".repeat(1024));
      }
      w.write("\"}");
    }
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("larger than"), m);
  }

  // ---- L7: config.json strictness -------------------------------------------------------------

  @Test
  void cliConfig_withContentAfterTheTopLevelObject_failsNamingTheFile() throws IOException {
    Path file = writeCliConfig(config(profile("default", "\"" + SECRET + "\"")) + " {\"x\": \"" + SECRET + "\"}");
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("after the top-level JSON value"), m);
  }

  @Test
  void cliConfig_withTrailingGarbageWords_failsNamingTheFile() throws IOException {
    Path file = writeCliConfig(config(profile("default", "\"" + SECRET + "\"")) + " " + SECRET);
    failureNaming(file);
  }

  @Test
  void cliConfig_withADuplicateKey_failsNamingThePointer() throws IOException {
    Path file = writeCliConfig("{\"current\": \"default\", \"profiles\": [{\"name\": \"default\", \"mode\": \"AK\", "
        + "\"access_key_id\": \"LTAIx\", \"access_key_secret\": \"" + SECRET + "\", \"access_key_secret\": \"other"
        + SECRET + "\"}]}");
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("duplicate key at /profiles/0/access_key_secret"), m);
  }

  @Test
  void cliConfig_withTwoProfilesOfOneName_failsNamingBoth() throws IOException {
    Path file = writeCliConfig(config(profile("default", "\"" + SECRET + "\""), profile("other", "\"x" + SECRET + "\""),
        profile("default", "\"y" + SECRET + "\"")));
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("/profiles/0 and /profiles/2 are both named \"default\""), m);
  }

  @Test
  void cliConfig_withANumericSecret_failsNamingThePointer() throws IOException {
    Path file = writeCliConfig(config(profile("default", "1234567890123")));
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("/profiles/0/access_key_secret must be a string, found a number"), m);
    assertFalse(m.contains("1234567890123"), m);
  }

  @Test
  void cliConfig_withANonStringToken_failsNamingThePointer() throws IOException {
    Path file = writeCliConfig("{\"current\": \"sts\", \"profiles\": [{\"name\": \"sts\", \"mode\": \"StsToken\", "
        + "\"access_key_id\": \"STS.x\", \"access_key_secret\": \"" + SECRET + "\", \"sts_token\": {\"t\": \""
        + TOKEN + "\"}}]}");
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("/profiles/0/sts_token must be a string, found an object"), m);
  }

  // ---- L7: files that are not regular files ---------------------------------------------------

  private static boolean makeFifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs {@code check} with a FIFO at {@code fifo} whose writer is ready to hand over a valid
   * config, so that a reader that opened the FIFO would get it and return (the check then fails)
   * rather than hang; afterwards the writer is released without blocking (a read-write open of a
   * FIFO does not wait for a partner).
   */
  private void withFifo(Path fifo, Runnable check) throws Exception {
    Assumptions.assumeTrue(makeFifo(fifo), "mkfifo is not available here");
    byte[] valid = config(profile("default", "\"" + SECRET + "\"")).getBytes(StandardCharsets.UTF_8);
    Thread writer = new Thread(() -> {
      try {
        Files.write(fifo, valid);
      } catch (IOException released) {
        // the test released the writer without reading: nothing to do
      }
    }, "fifo-writer");
    writer.setDaemon(true);
    writer.start();
    try {
      check.run();
    } finally {
      // Held open while joining: the writer's open() (now or later) finds a reader, its few
      // bytes fit in the pipe, and it ends.
      try (RandomAccessFile release = new RandomAccessFile(fifo.toFile(), "rw")) {
        writer.join();
      }
    }
  }

  @Test
  void cliConfig_thatIsAFifo_isRefusedWithoutOpeningIt() throws Exception {
    Path fifo = cliConfig();
    withFifo(fifo, () -> {
      String m = failureNaming(fifo).getMessage();
      assertTrue(m.contains("is a FIFO, not a regular file"), m);
    });
  }

  @Test
  void iniFile_thatIsAFifoNamedByTheVariable_isRefusedWithoutOpeningIt() throws Exception {
    Path fifo = home.resolve("creds.fifo");
    vars.put("ALIBABA_CLOUD_CREDENTIALS_FILE", fifo.toString());
    withFifo(fifo, () -> {
      String m = failureNaming(fifo).getMessage();
      assertTrue(m.contains("not a regular file"), m);
    });
  }

  @Test
  void cliConfig_thatIsASymlinkToADevice_isRefused() throws IOException {
    Path device = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.exists(device), "no /dev/zero here");
    Path link = cliConfig();
    Files.createSymbolicLink(link, device);
    String m = failureNaming(link).getMessage();
    assertTrue(m.contains("is a character device, not a regular file"), m);
  }

  @Test
  void cliConfig_thatIsADirectory_isRefused() throws IOException {
    Path dir = cliConfig();
    Files.createDirectories(dir);
    String m = failureNaming(dir).getMessage();
    assertTrue(m.contains("is a directory, not a regular file"), m);
  }

  @Test
  void cliConfig_thatIsADanglingSymlink_saysSo() throws IOException {
    Path link = cliConfig();
    Files.createSymbolicLink(link, home.resolve("gone.json"));
    String m = failureNaming(link).getMessage();
    assertTrue(m.contains("symbolic link to a missing file"), m);
  }

  // ---- L7: the INI file as the vendor reads it -------------------------------------------------

  @Test
  void iniFile_startingWithAUtf8Bom_isRead() throws IOException {
    writeIni("\uFEFF[default]\ntype = access_key\naccess_key_id = LTAIbom\naccess_key_secret = " + SECRET + "\n");
    assertEquals("LTAIbom", resolve().accessKeyId());
  }

  @Test
  void iniFile_withACommentAfterAValue_dropsTheCommentAsTheVendorDoes() throws IOException {
    writeIni("[default] # my keys\ntype = access_key ; the only type\naccess_key_id = LTAIcomment # from the console\n"
        + "access_key_secret = " + SECRET + "\t; rotated monthly\n");
    Credentials c = resolve();
    assertEquals("LTAIcomment", c.accessKeyId());
    assertEquals(SECRET, c.accessKeySecret());
  }

  @Test
  void iniFile_withAHashOrSemicolonInsideAValue_keepsIt() throws IOException {
    writeIni("[default]\naccess_key_id = LTAI#x;y\naccess_key_secret = " + SECRET + "#not;a-comment\n");
    Credentials c = resolve();
    assertEquals("LTAI#x;y", c.accessKeyId());
    assertEquals(SECRET + "#not;a-comment", c.accessKeySecret());
  }

  @Test
  void iniFile_thatIsNotUtf8_failsNamingTheFile() throws IOException {
    Path file = ini();
    Files.write(file, ("[default]\naccess_key_id = LTAI\u00e9\naccess_key_secret = " + SECRET + "\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    String m = failureNaming(file).getMessage();
    assertTrue(m.contains("not UTF-8 text"), m);
  }

  // ---- L7: HOME ---------------------------------------------------------------------------------

  @Test
  void environment_withHomeVariable_usesItOverUserHome(@TempDir Path other) {
    Environment env = Environment.fromVariables(Map.of("HOME", home.toString()), other);
    assertEquals(home, env.home());
  }

  @Test
  void environment_withHomeVariableEmptyOrUnset_fallsBackToUserHome(@TempDir Path other) {
    assertEquals(other, Environment.fromVariables(Map.of("HOME", ""), other).home());
    assertEquals(other, Environment.fromVariables(Map.of("HOME", "  "), other).home());
    assertEquals(other, Environment.fromVariables(Map.of(), other).home());
    assertNull(Environment.fromVariables(Map.of(), null).home());
  }

  @Test
  void defaultChain_readsTheCliConfigUnderTheHomeVariable(@TempDir Path passwdHome) throws IOException {
    writeCliConfig(config(profile("default", "\"" + SECRET + "\"")));
    Environment env = Environment.fromVariables(Map.of("HOME", home.toString()), passwdHome);
    assertEquals("LTAIdefault", CredentialsProviders.defaultChain(env).resolveCredentials().accessKeyId());
  }

  @Test
  void environment_with_addsOneVariableAndKeepsTheHome() {
    Environment env = Environment.of(Map.of("A", "1"), home).with("ALIBABA_CLOUD_PROFILE", "dev");
    assertEquals("dev", env.get("ALIBABA_CLOUD_PROFILE"));
    assertEquals("1", env.get("A"));
    assertEquals(home, env.home());
  }
}
