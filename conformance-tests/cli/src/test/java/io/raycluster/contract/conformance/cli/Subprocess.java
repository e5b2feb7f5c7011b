package io.raycluster.contract.conformance.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the command-line tool in a child JVM on the test classpath, for what an in-process run
 * cannot show: the real process environment, signals, and the exit code of the process.
 */
final class Subprocess {
  private Subprocess() {}

  static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) {
    return builder(workDir, env, List.of(), args);
  }

  /**
   * What to run the child under so that file permissions hold for it even as root: {@code
   * setpriv} dropping the capabilities that let root read any folder. Empty when not root (they
   * hold already) or when {@code setpriv} is not there.
   */
  static List<String> withoutFileAccessOverride() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return List.of();
    }
    List<String> setpriv = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search");
    try {
      Process p = new ProcessBuilder(concat(setpriv, List.of("true"))).start();
      return p.waitFor() == 0 ? setpriv : List.of();
    } catch (IOException | InterruptedException e) {
      return List.of();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static ProcessBuilder builder(Path workDir, Map<String, String> env, List<String> prefix, String... args) {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ConformanceCli.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ALIBABA_CLOUD_"));
    pb.environment().putAll(env);
    return pb;
  }

  /** Runs to completion with stdout and stderr written to files in {@code workDir}; returns the exit code. */
  static int run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return run(workDir, env, List.of(), args);
  }

  /** Runs under {@code prefix} (see {@link #withoutFileAccessOverride()}). */
  static int run(Path workDir, Map<String, String> env, List<String> prefix, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder pb = builder(workDir, env, prefix, args)
        .redirectOutput(workDir.resolve("stdout.txt").toFile())
        .redirectError(workDir.resolve("stderr.txt").toFile());
    Process p = pb.start();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the CLI did not finish within 60 s: " + String.join(" ", args));
    }
    return p.exitValue();
  }

  static File file(Path dir, String name) {
    return dir.resolve(name).toFile();
  }
}
