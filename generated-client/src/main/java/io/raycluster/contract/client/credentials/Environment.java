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

  /**
   * The process environment, and as home folder the {@code HOME} variable when it is set and not
   * blank (as the vendor's CLI and SDKs take it), else Java's {@code user.home} (which comes from
   * the password database and ignores {@code HOME}).
   */
  public static Environment system() {
    String home = System.getProperty("user.home");
    return fromVariables(System.getenv(), home == null || home.isBlank() ? null : Paths.get(home));
  }

  /**
   * Given variables; the home folder is their {@code HOME} when it is set and not blank, else
   * {@code fallbackHome} (may be {@code null}: no home files are read). {@link #system()} is
   * {@code fromVariables(System.getenv(), user.home)}.
   */
  public static Environment fromVariables(Map<String, String> variables, Path fallbackHome) {
    Objects.requireNonNull(variables, "variables");
    String home = variables.get("HOME");
    return new Environment(variables, home == null || home.isBlank() ? fallbackHome : Paths.get(home.trim()));
  }

  /** Given variables and home folder (home may be {@code null}: no home files are read). */
  public static Environment of(Map<String, String> variables, Path home) {
    return new Environment(Objects.requireNonNull(variables, "variables"), home);
  }

  /**
   * This environment with one variable set (or replaced), the home folder kept: for example
   * {@code Environment.system().with("ALIBABA_CLOUD_PROFILE", name)} for a profile named on a
   * command line.
   */
  public Environment with(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new java.util.HashMap<>(variables);
    copy.put(name, value);
    return new Environment(copy, home);
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
