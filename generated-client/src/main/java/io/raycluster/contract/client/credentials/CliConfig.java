package io.raycluster.contract.client.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Alibaba Cloud CLI's {@code config.json}: which file, which profile, and what that profile
 * holds. Shared by the credential chain and the region lookup.
 */
final class CliConfig {
  static final String CONFIG_FILE_VAR = "ALIBABA_CLOUD_CONFIG_FILE";
  static final String PROFILE_VAR = "ALIBABA_CLOUD_PROFILE";

  /** What each mode this client cannot use needs, and so what the user can do instead. */
  private static final Map<String, String> NETWORK_MODES = Map.of(
      "RamRoleArn", "a call to STS AssumeRole",
      "ChainableRamRoleArn", "calls to STS AssumeRole",
      "EcsRamRole", "a call to the ECS instance metadata service",
      "OIDC", "a call to STS AssumeRoleWithOIDC",
      "RsaKeyPair", "a call to STS GenerateSessionAccessKey",
      "CredentialsURI", "a call to the credentials URI",
      "External", "running an external program",
      "CloudSSO", "a CloudSSO sign-in",
      "OAuth", "an OAuth sign-in");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final Path file;
  final String profileName;
  final JsonNode profile;

  private CliConfig(Path file, String profileName, JsonNode profile) {
    this.file = file;
    this.profileName = profileName;
    this.profile = profile;
  }

  /** The path to read: the override variable, else {@code ~/.aliyun/config.json}. */
  static Path path(Environment env) {
    String override = env.get(CONFIG_FILE_VAR);
    return override != null ? Path.of(override) : env.inHome(".aliyun", "config.json");
  }

  static String describeWhere(Environment env) {
    String override = env.get(CONFIG_FILE_VAR);
    Path p = path(env);
    return "the CLI config " + (p == null ? "~/.aliyun/config.json (no home folder)" : p.toString())
        + (override != null ? " (from " + CONFIG_FILE_VAR + ")" : "")
        + ", profile " + (env.get(PROFILE_VAR) != null
            ? "\"" + env.get(PROFILE_VAR) + "\" (from " + PROFILE_VAR + ")" : "named by its \"current\" field");
  }

  /**
   * Loads the selected profile; {@code null} when the default file does not exist.
   *
   * @throws CredentialsException when an overriding path does not exist, the file is not the
   *     CLI's JSON, or the selected profile is not in it
   */
  static CliConfig load(Environment env) {
    Path file = path(env);
    if (file == null) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      if (env.get(CONFIG_FILE_VAR) != null) {
        throw new CredentialsException(CONFIG_FILE_VAR + " names " + file + ", which is not a readable file");
      }
      return null;
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      // The parser's message may quote file content (a secret): give only the position.
      throw new CredentialsException(file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new CredentialsException("Cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CredentialsException(file + ": expected a JSON object with \"profiles\" at /");
    }
    String wanted = env.get(PROFILE_VAR);
    String from = PROFILE_VAR;
    if (wanted == null) {
      wanted = root.path("current").asText("");
      from = "/current";
      if (wanted.isEmpty()) {
        wanted = "default";
        from = "the default name";
      }
    }
    JsonNode profiles = root.path("profiles");
    if (!profiles.isArray()) {
      throw new CredentialsException(file + ": expected an array at /profiles");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode p : profiles) {
      String name = p.path("name").asText("");
      names.add(name);
      if (name.equals(wanted)) {
        return new CliConfig(file, wanted, p);
      }
    }
    throw new CredentialsException(file + " has no profile \"" + wanted + "\" (chosen by " + from
        + "); its profiles are " + names);
  }

  String text(String field) {
    String v = profile.path(field).asText("");
    return v.isBlank() ? null : v.trim();
  }

  String where() {
    return file + " profile \"" + profileName + "\"";
  }

  /** The profile's credentials; throws for modes that need a network call or missing fields. */
  Credentials credentials() {
    String mode = text("mode");
    if (mode == null) {
      mode = "AK";
    }
    switch (mode) {
      case "AK":
        return Credentials.from(require("access_key_id", mode), require("access_key_secret", mode), null, where());
      case "StsToken":
        return Credentials.from(require("access_key_id", mode), require("access_key_secret", mode),
            require("sts_token", mode), where());
      default:
        String needs = NETWORK_MODES.get(mode);
        throw new CredentialsException(where() + " uses mode " + mode + ", which "
            + (needs == null ? "this client does not know" : "needs " + needs + " that this client does not make")
            + ". Instead: select a profile with mode AK or StsToken (" + PROFILE_VAR + "=<name>), or export "
            + "ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for "
            + "temporary credentials you obtained yourself, e.g. with `aliyun sts AssumeRole`), or pass "
            + "credentials from the vendor's own SDK with CredentialsProviders.of(...).");
    }
  }

  private String require(String field, String mode) {
    String v = text(field);
    if (v == null) {
      throw new CredentialsException(where() + " (mode " + mode + ") has no \"" + field + "\"");
    }
    return v;
  }
}
