package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key pairs a replay server accepts, read from a JSON file such as
 * {@code {"my-key-id": "my-secret"}} ({@code replay --credentials FILE}). The file holds secrets,
 * so no message ever repeats its text: a syntax error is reported by line and column only
 * (Jackson's own messages quote the offending token, which may be an unquoted secret), a value
 * of the wrong kind by the key id it belongs to. Only a regular file is read (a FIFO or a device
 * is refused from its attributes, never opened), and one that every user may read gets a warning.
 */
public final class ReplayCredentials {
  /** Far more than any real file (a pair is under 100 bytes); past it the file is refused unread. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;
  private static final String EXAMPLE = "{\"my-key-id\": \"my-secret\"}";
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private ReplayCredentials() {}

  /** The pairs (AccessKey id to secret, in file order) and warnings about the file. */
  public record Loaded(Map<String, String> pairs, List<String> warnings) {}

  /** Why the file cannot be used; the message names the file and the place, never its text. */
  public static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Reads {@code file}.
   *
   * @throws Problem when it is missing, not a regular file, unreadable, too large, not JSON, not
   *     an object of non-empty string secrets, or when an AccessKey id is empty, repeated or not
   *     visible ASCII without a comma
   */
  public static Loaded read(Path file) throws Problem {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new Problem(file + ": no such file");
    } catch (IOException e) {
      throw new Problem(file + ": cannot read its attributes: " + e.getClass().getSimpleName());
    }
    if (!attributes.isRegularFile()) {
      throw new Problem(file + ": not a regular file (" + (attributes.isDirectory() ? "a directory"
          : "a FIFO, a device or a socket") + "); expected a JSON file such as " + EXAMPLE);
    }
    if (attributes.size() > MAX_BYTES) {
      throw new Problem(file + ": " + attributes.size() + " bytes, larger than the " + MAX_BYTES
          + " a credentials file may be; expected a JSON object such as " + EXAMPLE);
    }
    List<String> warnings = new ArrayList<>();
    String mode = worldReadable(file);
    if (mode != null) {
      warnings.add(file + " holds secrets and every user of this machine can read it (mode " + mode
          + "); restrict it with: chmod 600 " + file);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Problem(file + ": cannot read it: " + e.getClass().getSimpleName());
    }
    return new Loaded(parse(file, bytes), List.copyOf(warnings));
  }

  private static Map<String, String> parse(Path file, byte[] bytes) throws Problem {
    Map<String, String> pairs = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(bytes)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new Problem(file + (first == null ? ": empty" : at(p.currentTokenLocation()) + ": not a JSON object")
            + "; expected a JSON object mapping each AccessKey id to its secret, such as " + EXAMPLE);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        JsonLocation where = p.currentTokenLocation();
        String id = p.currentName();
        checkKeyId(file, where, id);
        if (pairs.containsKey(id)) {
          throw new Problem(file + at(where) + ": the AccessKey id \"" + id + "\" appears twice; give each id once");
        }
        JsonToken value = p.nextToken();
        // The value is never shown: it is (or was meant to be) a secret.
        if (value != JsonToken.VALUE_STRING || p.getText().isBlank()) {
          throw new Problem(file + " at " + pointer(id) + ": expected the secret of AccessKey id \"" + id
              + "\" as a non-empty string");
        }
        String secret = p.getText();
        for (int i = 0; i < secret.length(); i++) {
          char c = secret.charAt(i);
          if (c < 0x21 || c > 0x7e) {
            // As a client's credentials are checked: no client could sign with such a secret.
            throw new Problem(file + " at " + pointer(id) + ": the secret of AccessKey id \"" + id
                + "\" has a character other than visible ASCII (! to ~) at position " + (i + 1)
                + "; a client could never sign with it");
          }
        }
        pairs.put(id, secret);
      }
      if (p.nextToken() != null) {
        throw new Problem(file + at(p.currentTokenLocation()) + ": more after the JSON object; expected one "
            + "object such as " + EXAMPLE);
      }
    } catch (JsonProcessingException e) {
      // Jackson's message quotes the text it could not read, which may be a secret: say where only.
      throw new Problem(file + at(e.getLocation()) + ": not valid JSON there (the text is not repeated: it may be "
          + "a secret); expected a JSON object such as " + EXAMPLE);
    } catch (IOException e) {
      throw new Problem(file + ": cannot read it: " + e.getClass().getSimpleName());
    }
    if (pairs.isEmpty()) {
      throw new Problem(file + ": an empty object; expected at least one AccessKey id and its secret, such as "
          + EXAMPLE);
    }
    return pairs;
  }

  private static void checkKeyId(Path file, JsonLocation where, String id) throws Problem {
    if (id.isEmpty()) {
      throw new Problem(file + at(where) + ": an empty AccessKey id; expected the id a client signs with, "
          + "such as " + EXAMPLE);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == ',') {
        // Not shown: it may hold the very characters that would garble the message.
        throw new Problem(file + at(where) + ": the AccessKey id there has "
            + (c == ',' ? "a comma" : c == ' ' ? "a space" : "a character other than visible ASCII")
            + " at position " + (i + 1) + "; a client could never sign with it");
      }
    }
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** The JSON pointer of a member ({@code ~} and {@code /} escaped). */
  private static String pointer(String id) {
    return "/" + id.replace("~", "~0").replace("/", "~1");
  }

  /** The file's mode when every user may read it, else {@code null} (also where POSIX modes do not exist). */
  private static String worldReadable(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (!perms.contains(PosixFilePermission.OTHERS_READ)) {
        return null;
      }
      int mode = 0;
      for (PosixFilePermission p : perms) {
        mode |= 1 << (8 - p.ordinal());
      }
      return String.format("%04o, %s", mode, PosixFilePermissions.toString(perms));
    } catch (UnsupportedOperationException | IOException e) {
      return null;
    }
  }
}
