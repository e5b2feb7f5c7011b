package io.raycluster.contract.client.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a credentials file (the CLI's config.json, the INI file) the one careful way: only a
 * regular file (after following links) is ever opened, so a FIFO, a device (a link to
 * {@code /dev/zero}), a socket or a directory is refused at once instead of blocking or reading
 * forever; at most {@link #MAX_BYTES} are read. Every message names the file and what is wrong
 * with it, never its content.
 */
final class CredentialFiles {
  /** Larger than any real credentials file (a few KiB) by far; the read stops here. */
  static final int MAX_BYTES = 4 * 1024 * 1024;

  private CredentialFiles() {}

  /**
   * Whether there is something at {@code file} to read: {@code false} when nothing is there
   * (the caller decides whether that is an error).
   *
   * @throws CredentialsException when something is there that is not a regular file, or a
   *     symbolic link points nowhere
   */
  static boolean exists(Path file, String from) {
    if (!Files.exists(file)) {
      if (Files.isSymbolicLink(file)) {
        throw new CredentialsException(file + from + " is a symbolic link to a missing file");
      }
      return false;
    }
    if (!Files.isRegularFile(file)) {
      throw new CredentialsException(file + from + " is " + kind(file) + ", not a regular file; it is not read");
    }
    return true;
  }

  /**
   * The bytes of {@code file}, which {@link #exists} accepted.
   *
   * @throws CredentialsException when it cannot be read or is larger than {@link #MAX_BYTES}
   */
  static byte[] read(Path file, String from) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new CredentialsException(file + from + " disappeared while it was read", e);
    } catch (IOException e) {
      throw new CredentialsException("Cannot read " + file + from + ": " + e.getClass().getSimpleName(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new CredentialsException(file + from + " is larger than " + (MAX_BYTES / (1024 * 1024))
          + " MiB, which no credentials file is; it is not read");
    }
    return bytes;
  }

  /** What a non-regular file is, as precisely as the platform tells. */
  static String kind(Path file) {
    try {
      Object mode = Files.getAttribute(file, "unix:mode");
      if (mode instanceof Integer m) {
        switch (m & 0170000) {
          case 0010000:
            return "a FIFO";
          case 0020000:
            return "a character device";
          case 0060000:
            return "a block device";
          case 0140000:
            return "a socket";
          case 0040000:
            return "a directory";
          default:
            break;
        }
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      // fall back on the portable attributes
    }
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isDirectory() ? "a directory" : "a FIFO, device or socket";
    } catch (IOException e) {
      return "not readable as a file";
    }
  }
}
