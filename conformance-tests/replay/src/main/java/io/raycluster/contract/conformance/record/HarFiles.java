package io.raycluster.contract.conformance.record;

import io.raycluster.contract.conformance.har.Har;
import io.raycluster.contract.conformance.har.HarIo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Writes a HAR file safely: into a temporary file beside the target, then moved into place, so
 * that a reader never sees half a file and a crash leaves no truncated recording. Only a regular
 * file is ever replaced, and only with {@code overwrite}: a FIFO, a device ({@code /dev/null}), a
 * directory or a symbolic link (dangling or not) is refused and left as it is. A replaced file
 * keeps its permissions; a new one is readable by its owner only. Without {@code overwrite}, an
 * existing file is never replaced (a hard link publishes the file only if the name is free; where
 * links are not supported, the check and the move are separate steps).
 */
public final class HarFiles {
  private HarFiles() {}

  /**
   * Checks, before any work is done, that {@link #write} can put a recording at {@code file}: the
   * name is free (or names a regular file and {@code overwrite} is set) and its folder exists, or
   * can be created, and is writable.
   *
   * @throws FileAlreadyExistsException when {@code file} exists and {@code overwrite} is false
   * @throws FileSystemException when {@code file} is not a regular file, or its folder cannot be
   *     written; the reason says which
   */
  public static void checkTarget(Path file, boolean overwrite) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = existingAncestor(target.getParent());
    if (!Files.isDirectory(dir)) {
      throw new FileSystemException(file.toString(), null, dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new FileSystemException(file.toString(), null, "the folder " + dir + " is not writable");
    }
    checkReplaceable(file, target, overwrite);
  }

  /**
   * @throws FileAlreadyExistsException when {@code file} exists and {@code overwrite} is false
   * @throws FileSystemException when {@code file} exists and is not a regular file
   */
  public static void write(Har har, Path file, boolean overwrite) throws IOException {
    Path target = file.toAbsolutePath();
    checkReplaceable(file, target, overwrite);
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        HarIo.write(har, out);
      }
      if (overwrite) {
        // Checked again just before the rename: what appeared meanwhile is not replaced either.
        if (checkReplaceable(file, target, true)) {
          keepPermissions(target, tmp);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        publishWithoutReplacing(tmp, target);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** True when {@code target} exists (a regular file that may be replaced). */
  private static boolean checkReplaceable(Path file, Path target, boolean overwrite) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException free) {
      return false;
    }
    if (!attrs.isRegularFile()) {
      throw new FileSystemException(file.toString(), null, "it is " + kind(attrs)
          + ", not a regular file; a recording only ever replaces a regular file");
    }
    if (!overwrite) {
      throw new FileAlreadyExistsException(file.toString());
    }
    return true;
  }

  private static String kind(BasicFileAttributes attrs) {
    if (attrs.isSymbolicLink()) {
      return "a symbolic link";
    }
    if (attrs.isDirectory()) {
      return "a directory";
    }
    return "a device, FIFO or socket";
  }

  private static Path existingAncestor(Path dir) {
    Path d = dir;
    while (d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
      d = d.getParent();
    }
    return d == null ? dir : d;
  }

  private static void keepPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (source != null) {
      Files.setPosixFilePermissions(to, source.readAttributes().permissions());
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
