package io.raycluster.contract.client.credentials;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alibaba Cloud CLI's {@code config.json}: which file, which profile, and what that profile
 * holds. Shared by the credential chain and the region lookup.
 *
 * <p>Read strictly, since a file that reads two ways must not silently pick one: only a regular
 * file ({@link CredentialFiles}); one JSON object and nothing after it; no key twice in an object
 * (the position is named as a JSON pointer); no two profiles of one name; every field read a
 * string. The JSON reader's limits are tight (a real file is a few KiB and three levels deep).
 * Every failure is a {@link CredentialsException} naming the file and, where known, the line and
 * column or the pointer; none quotes the file's content, which holds secrets.
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

  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_NUMBER_LENGTH = 100;
  static final int MAX_STRING_LENGTH = 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  final Path file;
  final String profileName;
  final JsonNode profile;
  /** The profile's JSON pointer, {@code /profiles/N}. */
  final String pointer;

  private CliConfig(Path file, String profileName, JsonNode profile, String pointer) {
    this.file = file;
    this.profileName = profileName;
    this.profile = profile;
    this.pointer = pointer;
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
   * @throws CredentialsException when an overriding path does not exist, the file is not a
   *     regular file or not the CLI's JSON, or the selected profile is not in it
   */
  static CliConfig load(Environment env) {
    Path file = path(env);
    if (file == null) {
      return null;
    }
    boolean override = env.get(CONFIG_FILE_VAR) != null;
    String from = override ? " (from " + CONFIG_FILE_VAR + ")" : "";
    if (!CredentialFiles.exists(file, from)) {
      if (override) {
        throw new CredentialsException(CONFIG_FILE_VAR + " names " + file + ", which does not exist");
      }
      return null;
    }
    JsonNode root = parse(file, CredentialFiles.read(file, from));
    if (root == null || !root.isObject()) {
      throw new CredentialsException(file + ": expected a JSON object with \"profiles\" at /");
    }
    String wanted = env.get(PROFILE_VAR);
    String chosenBy = PROFILE_VAR;
    if (wanted == null) {
      wanted = string(file, root, "current", "/current");
      chosenBy = "/current";
      if (wanted == null || wanted.isBlank()) {
        wanted = "default";
        chosenBy = "the default name";
      }
    }
    JsonNode profiles = root.path("profiles");
    if (!profiles.isArray()) {
      throw new CredentialsException(file + ": expected an array at /profiles");
    }
    Map<String, Integer> firstIndex = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      JsonNode p = profiles.get(i);
      if (!p.isObject()) {
        throw new CredentialsException(file + ": /profiles/" + i + " must be an object, found " + kind(p));
      }
      String name = string(file, p, "name", "/profiles/" + i + "/name");
      name = name == null ? "" : name;
      Integer earlier = firstIndex.putIfAbsent(name, i);
      if (earlier != null) {
        throw new CredentialsException(file + ": /profiles/" + earlier + " and /profiles/" + i
            + " are both named \"" + name + "\"; which one is meant is unclear, so neither is used");
      }
      names.add(name);
    }
    Integer index = firstIndex.get(wanted);
    if (index != null) {
      return new CliConfig(file, wanted, profiles.get(index), "/profiles/" + index);
    }
    throw new CredentialsException(file + " has no profile \"" + wanted + "\" (chosen by " + chosenBy
        + "); its profiles are " + names);
  }

  /** The file's one JSON value; a {@link CredentialsException} naming the file for anything else. */
  private static JsonNode parse(Path file, byte[] bytes) {
    JsonParser parser = null;
    try {
      parser = MAPPER.createParser(bytes);
      JsonNode root = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        throw new CredentialsException(file + " has content after the top-level JSON value" + at(parser, null)
            + "; it must hold one JSON object");
      }
      return root;
    } catch (StreamConstraintsException e) {
      // No location on these (hostile test M8): say which limit, and where by pointer.
      throw new CredentialsException(file + " is not a usable CLI config: it has " + limit(e)
          + " at " + pointer(parser));
    } catch (JsonProcessingException e) {
      // The parser's message may quote file content (a secret): give only the position.
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (original.startsWith("Duplicate field") || original.startsWith("Duplicate Object property")) {
        throw new CredentialsException(file + " is not a usable CLI config: duplicate key at " + pointer(parser)
            + at(parser, e.getLocation()));
      }
      throw new CredentialsException(file + " is not valid JSON" + at(parser, e.getLocation()));
    } catch (IOException e) {
      throw new CredentialsException("Cannot read " + file + ": " + e.getClass().getSimpleName(), e);
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (IOException ignored) {
          // a parser over bytes holds nothing to release
        }
      }
    }
  }

  private static String limit(StreamConstraintsException e) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("nesting depth")) {
      return "values nested deeper than " + MAX_NESTING_DEPTH + " levels";
    }
    if (m.contains("Number value length")) {
      return "a number longer than " + MAX_NUMBER_LENGTH + " characters";
    }
    if (m.contains("String value length")) {
      return "a string longer than " + MAX_STRING_LENGTH + " characters";
    }
    if (m.contains("Name length")) {
      return "a key longer than the JSON reader allows";
    }
    return "more than the JSON reader's limits allow";
  }

  /** Where the parser is, as a JSON pointer (cut short when very deep). */
  private static String pointer(JsonParser parser) {
    if (parser == null) {
      return "/";
    }
    String p = parser.getParsingContext().pathAsPointer().toString();
    if (p.isEmpty()) {
      return "/";
    }
    return p.length() > 200 ? p.substring(0, 200) + "…" : p;
  }

  /** {@code  (line L, column C)} from the exception's location, else the parser's; or nothing. */
  private static String at(JsonParser parser, JsonLocation location) {
    JsonLocation l = location != null ? location : parser == null ? null : parser.currentLocation();
    if (l == null || l.getLineNr() < 1) {
      return "";
    }
    return " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }

  private static String kind(JsonNode v) {
    if (v.isNumber()) {
      return "a number";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isArray()) {
      return "an array";
    }
    return v.isNull() ? "null" : "a " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A field that must be a string when present: its text; {@code null} when absent or JSON null.
   * Anything else (a number where a secret belongs) fails naming the pointer, not the value.
   */
  private static String string(Path file, JsonNode object, String field, String pointer) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new CredentialsException(file + ": " + pointer + " must be a string, found " + kind(v));
    }
    return v.textValue();
  }

  /** The field's text, trimmed; {@code null} when absent, null or blank. */
  String text(String field) {
    String v = string(file, profile, field, pointer + "/" + field);
    return v == null || v.isBlank() ? null : v.trim();
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
