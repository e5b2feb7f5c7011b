package io.raycluster.contract.conformance.replay.junit5;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recordings named as classpath resources (a folder or a file), as paths the recording loader
 * reads: one in a folder on disk ({@code target/test-classes}) is that folder; one inside a jar
 * is read through the jar's own file system, open until {@link #close()}. Each name is looked up
 * once, so the first classpath entry that has it wins, as with {@link ClassLoader#getResource}.
 */
final class ClasspathRecordings implements AutoCloseable {
  private final List<Path> paths = new ArrayList<>();
  private final List<String> inJars = new ArrayList<>();
  private final List<FileSystem> jars = new ArrayList<>();

  private ClasspathRecordings() {}

  /**
   * Looks up every name ({@code recordings}, {@code fake-spark/running.json}; a leading
   * {@code /} is ignored) with {@code loader}.
   *
   * @throws IllegalArgumentException naming the resource that is not on the classpath, or that
   *     is neither on disk nor in a jar
   * @throws IOException when a jar cannot be opened
   */
  static ClasspathRecordings open(ClassLoader loader, List<String> names) throws IOException {
    ClasspathRecordings found = new ClasspathRecordings();
    try {
      for (String name : names) {
        found.add(loader, name);
      }
      return found;
    } catch (IOException | RuntimeException e) {
      found.close();
      throw e;
    }
  }

  private void add(ClassLoader loader, String name) throws IOException {
    String resource = name.replaceAll("^/+", "").replaceAll("/+$", "");
    URL url = resource.isEmpty() ? null : loader.getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no resource \"" + name + "\" on the test's classpath (a folder of "
          + "recordings under src/test/resources/" + resource + " is there once compiled)");
    }
    try {
      if ("file".equals(url.getProtocol())) {
        paths.add(Path.of(url.toURI()));
        return;
      }
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection jar = (JarURLConnection) url.openConnection();
        Path jarFile = Path.of(jar.getJarFileURL().toURI());
        // A file system of its own (not the shared one for the jar's URI), so closing it
        // cannot pull it from under another test reading the same jar.
        FileSystem fs = FileSystems.newFileSystem(jarFile, (ClassLoader) null);
        jars.add(fs);
        paths.add(fs.getPath("/" + jar.getEntryName()));
        inJars.add("classpath resource \"" + name + "\" is in " + jarFile);
        return;
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the resource \"" + name + "\" is at " + url
          + ", which is not a file the recordings can be read from", e);
    }
    throw new IllegalArgumentException("the resource \"" + name + "\" is at " + url + "; recordings are read "
        + "from a folder on disk or from a jar, not from a " + url.getProtocol() + ": URL");
  }

  /** The recordings, each a file or a folder, in the order named. */
  List<Path> paths() {
    return List.copyOf(paths);
  }

  /**
   * For messages: which names were found inside a jar, and which jar ("classpath resource
   * \"recordings\" is in /.../x.jar"), since the paths of those name only the place inside it.
   */
  List<String> inJars() {
    return List.copyOf(inJars);
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (FileSystem fs : jars) {
      try {
        fs.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    jars.clear();
    if (first != null) {
      throw first;
    }
  }
}
