package io.raycluster.contract.conformance.record;

import io.raycluster.contract.conformance.har.Har;
import io.raycluster.contract.conformance.har.HarIo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a HAR file safely: into a temporary file beside the target, then moved into place, so
 * that a reader never sees half a file and a crash leaves no truncated recording. Without
 * {@code overwrite}, an existing file is never replaced (a hard link publishes the file only if
 * the name is free; where links are not supported, the check and the move are separate steps).
 */
public final class HarFiles {
  private HarFiles() {}

  /**
   * @throws FileAlreadyExistsException when {@code file} exists and {@code overwrite} is false
   */
  public static void write(Har har, Path file, boolean overwrite) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    if (!overwrite && Files.exists(target)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        HarIo.write(har, out);
      }
      if (overwrite) {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        publishWithoutReplacing(tmp, target);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void publishWithoutReplacing(Path tmp, Path target) throws IOException {
    try {
      Files.createLink(target, tmp);
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, target);
    }
  }
}
