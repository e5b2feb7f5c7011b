package io.raycluster.contract.conformance.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay server's credentials file: its text never reaches a message, only its place does. */
class ReplayCredentialsTest {
  private static final String SECRET = "SUPERSECRETVALUE123";

  @TempDir Path dir;

  private Path file(String text) throws Exception {
    Path f = dir.resolve("creds.json");
    Files.writeString(f, text);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }
    return f;
  }

  @Test
  void validFile_givesThePairsInOrder_withoutWarnings() throws Exception {
    ReplayCredentials.Loaded loaded = ReplayCredentials.read(file("{\"k1\": \"s1\", \"k2\": \"s2\"}"));
    assertEquals(Map.of("k1", "s1", "k2", "s2"), loaded.pairs());
    assertEquals(List.of("k1", "k2"), List.copyOf(loaded.pairs().keySet()));
    assertEquals(List.of(), loaded.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"my-key\": " + SECRET + "}",
      "{\"my-key\": \"" + SECRET + "}",
      "{\"my-key\": '" + SECRET + "'}",
      "{\"my-key\": \"s\"} " + SECRET,
      "{\"my-key\": \"s\",\n \"" + SECRET + "\" \"x\"}",
      "{my-key" + SECRET + ": \"s\"}"})
  void syntaxError_isReportedByLineAndColumnOnly_neverQuotingTheText(String text) throws Exception {
    ReplayCredentials.Problem e = assertThrows(ReplayCredentials.Problem.class, () -> ReplayCredentials.read(file(text)));

    // Before: "malformed JSON at line 1, column 32: Unrecognized token 'SUPERSECRETVALUE123': ..."
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.getMessage().contains("SUPERSECRET"), e.getMessage());
    assertTrue(e.getMessage().matches(".*creds\\.json at line \\d+, column \\d+: .*"), e.getMessage());
  }

  @Test
  void secretOfTheWrongKind_isReportedByItsKeyId_neverQuotingTheValue() throws Exception {
    ReplayCredentials.Problem e = assertThrows(ReplayCredentials.Problem.class,
        () -> ReplayCredentials.read(file("{\"my-key-id\": 123456789}")));
    assertTrue(e.getMessage().endsWith("creds.json at /my-key-id: expected the secret of AccessKey id \"my-key-id\" "
        + "as a non-empty string"), e.getMessage());
    assertFalse(e.getMessage().contains("123456789"), e.getMessage());
  }

  @Test
  void secretThatNoClientCouldSignWith_isRefusedByPosition_neverQuotingIt() throws Exception {
    ReplayCredentials.Problem e = assertThrows(ReplayCredentials.Problem.class,
        () -> ReplayCredentials.read(file("{\"my-key-id\": \"" + SECRET + "\u00a0\"}")));
    assertTrue(e.getMessage().endsWith("creds.json at /my-key-id: the secret of AccessKey id \"my-key-id\" has a "
        + "character other than visible ASCII (! to ~) at position 20; a client could never sign with it"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  @Test
  void emptyKeyId_isRefused() throws Exception {
    ReplayCredentials.Problem e = assertThrows(ReplayCredentials.Problem.class,
        () -> ReplayCredentials.read(file("{\"\": \"" + SECRET + "\"}")));
    assertTrue(e.getMessage().contains("creds.json at line 1, column 2: an empty AccessKey id"), e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
  }

  @Test
  void repeatedKeyId_isRefused() throws Exception {
    ReplayCredentials.Problem e = assertThrows(ReplayCredentials.Problem.class,
        () -> ReplayCredentials.read(file("{\"k\": \"a\", \"k\": \"b\"}")));
    assertTrue(e.getMessage().contains("the AccessKey id \"k\" appears twice"), e.getMessage());
  }

  @Test
  void worldReadableFile_getsAWarning() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
    Path f = file("{\"k\": \"" + SECRET + "\"}");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

    List<String> warnings = ReplayCredentials.read(f).warnings();
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("every user of this machine can read it (mode 0644"), warnings.get(0));
    assertTrue(warnings.get(0).contains("chmod 600"), warnings.get(0));
  }

  @Test
  void fifo_isRefusedAtOnce_neverOpened() throws Exception {
    Path fifo = dir.resolve("creds.fifo");
    assumeTrue(RecordingLoaderTest.mkfifo(fifo), "mkfifo is not available here");

    ReplayCredentials.Problem e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(ReplayCredentials.Problem.class, () -> ReplayCredentials.read(fifo)));
    assertTrue(e.getMessage().startsWith(fifo + ": not a regular file (a FIFO, a device or a socket)"), e.getMessage());
  }

  @Test
  void missingFileOrDirectory_isSaidInWords() throws Exception {
    assertEquals(dir.resolve("none.json") + ": no such file", assertThrows(ReplayCredentials.Problem.class,
        () -> ReplayCredentials.read(dir.resolve("none.json"))).getMessage());
    assertTrue(assertThrows(ReplayCredentials.Problem.class, () -> ReplayCredentials.read(dir)).getMessage()
        .startsWith(dir + ": not a regular file (a directory)"));
  }

  @Test
  void emptyObjectOrNotAnObject_isRefusedSayingWhatIsExpected() throws Exception {
    assertTrue(assertThrows(ReplayCredentials.Problem.class, () -> ReplayCredentials.read(file("{}")))
        .getMessage().contains("an empty object; expected at least one AccessKey id and its secret"));
    ReplayCredentials.Problem array = assertThrows(ReplayCredentials.Problem.class,
        () -> ReplayCredentials.read(file("[\"" + SECRET + "\"]")));
    assertTrue(array.getMessage().contains("at line 1, column 1: not a JSON object"), array.getMessage());
    assertFalse(array.getMessage().contains(SECRET), array.getMessage());
  }
}
