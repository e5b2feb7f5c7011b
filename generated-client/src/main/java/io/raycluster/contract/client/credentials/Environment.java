package io.raycluster.contract.client.credentials;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;

/**
 * The environment variables and home folder that credential and region lookups read. Tests use
 * {@link #of(Map, Path)} instead of the real process environment.
 */
public final class Environment {
  private final Map<String, String> variables;
  private final Path home;

  private Environment(Map<String, String> variables, Path home) {
    this.variables = Map.copyOf(variables);
    this.home = home;
  }

  /** The process environment and {@code user.home}. */
  public static Environment system() {
    String home = System.getProperty("user.home");
    return new Environment(System.getenv(), home == null ? null : Paths.get(home));
  }

  /** Given variables and home folder (home may be {@code null}: no home files are read). */
  public static Environment of(Map<String, String> variables, Path home) {
    return new Environment(Objects.requireNonNull(variables, "variables"), home);
  }

  /** The variable's value, or {@code null} when unset or blank. */
  public String get(String name) {
    String v = variables.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** The home folder, or {@code null}. */
  public Path home() {
    return home;
  }

  /** A path under the home folder, or {@code null} when there is no home. */
  Path inHome(String first, String... more) {
    return home == null ? null : home.resolve(Paths.get(first, more));
  }

  @Override
  public String toString() {
    // Only names: values may be secrets.
    return "Environment{variables=" + new java.util.TreeSet<>(variables.keySet()).size()
        + " names, home=" + home + "}";
  }
}
