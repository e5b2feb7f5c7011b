package io.raycluster.contract.conformance.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raycluster.contract.conformance.har.Har;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarFilesTest {
  private static final Har HAR = Har.of("test", "1", List.of());

  @TempDir Path dir;

  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException noMkfifo) {
      Assumptions.abort("mkfifo is not available here: " + noMkfifo.getMessage());
      return null;
    }
    Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed here");
    return fifo;
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void write_overAFifoWithForce_isRefusedAndTheFifoIsLeftAsItIs() throws Exception {
    Path fifo = fifo("pipe.har");

    FileSystemException e = assertThrows(FileSystemException.class, () -> HarFiles.write(HAR, fifo, true));
    assertTrue(e.getReason().contains("not a regular file"), e.getReason());
    assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO was replaced");
    assertEquals(List.of(fifo), entries(), "no temporary file left behind");
  }

  @Test
  void checkTarget_aDevice_isRefusedWithItsKind() {
    Path devNull = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null here");
    // Only the check: a regression here must never get as far as writing to a device.
    FileSystemException e = assertThrows(FileSystemException.class, () -> HarFiles.checkTarget(devNull, true));
    assertTrue(e.getReason().contains("a device, FIFO or socket"), e.getReason());
  }

  @Test
  void write_overASymlinkWithForce_isRefusedAndLinkAndTargetAreLeft() throws Exception {
    Path real = Files.writeString(dir.resolve("real.txt"), "keep me");
    Path link = Files.createSymbolicLink(dir.resolve("link.har"), real);

    FileSystemException e = assertThrows(FileSystemException.class, () -> HarFiles.write(HAR, link, true));
    assertTrue(e.getReason().contains("a symbolic link"), e.getReason());
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("keep me", Files.readString(real));
    assertEquals(List.of(link, real), entries());
  }

  @Test
  void checkTarget_aDanglingSymlinkWithoutForce_isRefusedBeforeAnyCall() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("dangling.har"), dir.resolve("nowhere"));

    assertThrows(FileSystemException.class, () -> HarFiles.checkTarget(link, false));
    assertThrows(FileSystemException.class, () -> HarFiles.checkTarget(link, true));
  }

  @Test
  void write_overADirectory_isRefusedAndNoTemporaryFileIsLeft() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("folder.har"));

    FileSystemException e = assertThrows(FileSystemException.class, () -> HarFiles.write(HAR, folder, true));
    assertTrue(e.getReason().contains("a directory"), e.getReason());
    assertEquals(List.of(folder), entries());
  }

  @Test
  void write_overARegularFileWithoutForce_isRefusedAndKeepsIt() throws Exception {
    Path file = Files.writeString(dir.resolve("old.har"), "old");

    assertThrows(FileAlreadyExistsException.class, () -> HarFiles.write(HAR, file, false));
    assertEquals("old", Files.readString(file));
    assertEquals(List.of(file), entries());
  }

  @Test
  void write_overARegularFileWithForce_replacesItAndKeepsItsPermissions() throws Exception {
    Path file = Files.writeString(dir.resolve("old.har"), "old");
    Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "no POSIX permissions here");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    HarFiles.write(HAR, file, true);

    assertTrue(Files.readString(file).contains("\"log\""));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(List.of(file), entries());
  }

  @Test
  void write_aNewFile_isReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("sub/new.har");
    HarFiles.write(HAR, file, false);
    Assumptions.assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "no POSIX permissions here");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void checkTarget_whenAParentIsAFile_saysSo() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");

    FileSystemException e = assertThrows(FileSystemException.class,
        () -> HarFiles.checkTarget(file.resolve("sub/x.har"), false));
    assertTrue(e.getReason().contains("is not a directory"), e.getReason());
  }
}
