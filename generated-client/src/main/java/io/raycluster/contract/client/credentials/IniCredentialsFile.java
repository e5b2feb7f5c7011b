package io.raycluster.contract.client.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor's INI credentials file ({@code ~/.alibabacloud/credentials}): sections of
 * {@code key = value}; the section is {@code ALIBABA_CLOUD_PROFILE} or {@code default}. Only
 * {@code type = access_key} works without a network call. Hand-written: the format is a few
 * lines of INI and a library for it would be the only one in the project.
 *
 * <p>Read as the vendor's own reader ({@code credentials-java}'s profile parser) reads it: a line
 * starting with {@code #} or {@code ;} is a comment; on a {@code key = value} line a comment
 * starts at a {@code #} or {@code ;} that follows a space or a tab, so {@code abc # note} is
 * {@code abc} while {@code abc#def} stays {@code abc#def}; on a {@code [section]} line any
 * {@code #} or {@code ;} starts a comment. The file must be UTF-8 (a leading byte order mark is
 * skipped) and a regular file ({@link CredentialFiles}).
 */
final class IniCredentialsFile {
  static final String FILE_VAR = "ALIBABA_CLOUD_CREDENTIALS_FILE";

  private IniCredentialsFile() {}

  static Path path(Environment env) {
    String override = env.get(FILE_VAR);
    return override != null ? Path.of(override) : env.inHome(".alibabacloud", "credentials");
  }

  static String describeWhere(Environment env) {
    Path p = path(env);
    return "the credentials file " + (p == null ? "~/.alibabacloud/credentials (no home folder)" : p.toString())
        + (env.get(FILE_VAR) != null ? " (from " + FILE_VAR + ")" : "")
        + ", section [" + section(env) + "]";
  }

  private static String section(Environment env) {
    String s = env.get(CliConfig.PROFILE_VAR);
    return s == null ? "default" : s;
  }

  /** The section's credentials, {@code null} when the default file does not exist. */
  static Credentials load(Environment env) {
    Path file = path(env);
    if (file == null) {
      return null;
    }
    boolean override = env.get(FILE_VAR) != null;
    String from = override ? " (from " + FILE_VAR + ")" : "";
    if (!CredentialFiles.exists(file, from)) {
      if (override) {
        throw new CredentialsException(FILE_VAR + " names " + file + ", which does not exist");
      }
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(CredentialFiles.read(file, from))).toString();
    } catch (CharacterCodingException e) {
      throw new CredentialsException(file + from + " is not UTF-8 text; save it as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Map<String, Map<String, String>> sections = parse(text.lines().toList());
    String name = section(env);
    Map<String, String> s = sections.get(name);
    String where = file + " [" + name + "]";
    if (s == null) {
      if (env.get(CliConfig.PROFILE_VAR) == null && env.get(FILE_VAR) == null) {
        return null;
      }
      throw new CredentialsException(file + " has no section [" + name + "]; its sections are " + sections.keySet());
    }
    String type = s.getOrDefault("type", "access_key");
    if (!type.equals("access_key")) {
      throw new CredentialsException(where + " has type = " + type + ", which needs a network call (STS, "
          + "instance metadata or a key pair exchange) that this client does not make. Instead use a section with "
          + "type = access_key, or export ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET "
          + "(and ALIBABA_CLOUD_SECURITY_TOKEN for temporary credentials).");
    }
    String id = s.get("access_key_id");
    String secret = s.get("access_key_secret");
    if (id == null || secret == null) {
      throw new CredentialsException(where + " (type access_key) has no "
          + (id == null ? "access_key_id" : "access_key_secret"));
    }
    return Credentials.from(id, secret, null, where);
  }

  static Map<String, Map<String, String>> parse(List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        String header = withoutComment(line, "#", ";").strip();
        if (header.endsWith("]")) {
          current = sections.computeIfAbsent(header.substring(1, header.length() - 1).trim(),
              k -> new LinkedHashMap<>());
        }
        continue;
      }
      line = withoutComment(line, " #", " ;", "\t#", "\t;").strip();
      int eq = line.indexOf('=');
      if (eq > 0 && current != null) {
        String value = line.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty()) {
          current.put(line.substring(0, eq).trim(), value);
        }
      }
    }
    return sections;
  }

  /** {@code line} up to the first of {@code markers}, as the vendor's reader cuts comments. */
  private static String withoutComment(String line, String... markers) {
    int end = line.length();
    for (String m : markers) {
      int i = line.indexOf(m);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return line.substring(0, end);
  }
}
