package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.JsonDocuments;
import io.raycluster.contract.conformance.RecordingFiles;
import io.raycluster.contract.conformance.RequestTarget;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.UnreadableInputException;
import io.raycluster.contract.conformance.har.HarEntry;
import io.raycluster.contract.conformance.har.HarHeader;
import io.raycluster.contract.conformance.har.HarIo;
import io.raycluster.contract.conformance.har.HarResponse;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads recordings for the replay server from files: HAR files (each entry that is a call of an
 * operation of the spec, served for its method, path and query with its own status, headers and
 * body) and bare JSON bodies (served as {@code 200} answers of the body operation for the path
 * values they carry). Directories are searched recursively for {@code *.json} and {@code *.har}.
 * Nothing throws for a bad file: each problem is collected with the file and the JSON pointer,
 * so a caller can refuse to start and say everything at once.
 *
 * <p>What is served is what was recorded: a bare body's bytes as they are in the file (never
 * parsed and written again, which would turn {@code 1E2} into {@code 100.0}), a HAR entry's
 * status, headers and decoded text. What cannot be sent as recorded is refused here, with the
 * file and the pointer, rather than sent broken: a status outside 200 to 599, a header name that
 * is not an HTTP token, a header value with CR, LF, NUL or another control character. Only
 * regular files are read: a FIFO or a device given by name is refused without being opened.
 */
public final class RecordingLoader {
  private final JsonDocuments json;
  private final ApiSpec spec;
  private final SpecOperation bodyOperation;

  /** A loader with the engine's spec and limits; bare bodies answer its default operation. */
  public RecordingLoader(ResponseValidator engine) {
    this(engine, engine.defaultOperation().orElse(null));
  }

  /** A loader whose bare bodies answer {@code bodyOperation} ({@code null}: bare bodies are refused). */
  public RecordingLoader(ResponseValidator engine, SpecOperation bodyOperation) {
    this.json = engine.json();
    this.spec = engine.spec();
    this.bodyOperation = bodyOperation;
  }

  /**
   * What was loaded, what could not be ({@code problems}), and what was loaded but shadowed
   * ({@code warnings}: two bare bodies for the same path values; the later file is served).
   */
  public record Result(ReplayRecordings recordings, int files, int exchanges, int bodies,
      List<String> problems, List<String> warnings) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Loads every path (file or directory) into new {@link ReplayRecordings} of the spec. */
  public Result load(List<Path> paths) {
    ReplayRecordings recordings = new ReplayRecordings(spec);
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Path> bodyFiles = new HashMap<>();
    int[] counts = new int[3];
    for (Path path : paths) {
      for (Path file : expand(path, problems)) {
        counts[0]++;
        String bodyKey = loadFile(file, recordings, problems, counts);
        Path earlier = bodyKey == null ? null : bodyFiles.put(bodyKey, file);
        if (earlier != null) {
          warnings.add(earlier + " and " + file + " are both bodies for " + bodyKey + "; " + file + " is served");
        }
      }
    }
    return new Result(recordings, counts[0], counts[1], counts[2], List.copyOf(problems),
        List.copyOf(warnings));
  }

  private static List<Path> expand(Path path, List<String> problems) {
    if (!Files.exists(path)) {
      problems.add(path + ": no such file or directory");
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      // Asked of the file's attributes, never by opening it: opening a FIFO waits for a writer.
      if (!Files.isRegularFile(path)) {
        problems.add(path + ": not a regular file (a FIFO, a device or a socket); expected a *.json or *.har "
            + "file, or a directory of them");
        return List.of();
      }
      return List.of(path);
    }
    try {
      return RecordingFiles.list(path, RecordingFiles.RECORDINGS);
    } catch (IOException e) {
      problems.add(path + ": cannot list the directory: " + e.getMessage());
      return List.of();
    }
  }

  /** Loads one file; returns what a bare body answers ("clusterId=ray-1"), or null. */
  private String loadFile(Path file, ReplayRecordings recordings, List<String> problems, int[] counts) {
    JsonNode root;
    byte[] bytes;
    try {
      bytes = json.readFile(file);
      root = json.parse(bytes);
    } catch (UnreadableInputException e) {
      problems.add(describe(file, e));
      return null;
    }
    boolean har = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har");
    if (!har && !HarIo.looksLikeHar(root)) {
      if (bodyOperation == null) {
        problems.add(file + ": a bare JSON body, but which operation it answers is not known: the spec "
            + spec.source() + " does not have exactly one GET operation with a JSON response; record the "
            + "exchange as a HAR entry instead");
        return null;
      }
      try {
        // The file's own bytes: served exactly as recorded.
        recordings.addBody(bodyOperation, bytes);
        counts[2]++;
        List<String> values = new ArrayList<>();
        for (String name : bodyOperation.pathVariableNames()) {
          if (root.path(name).isTextual()) {
            values.add(name + "=" + root.get(name).asText());
          }
        }
        return bodyOperation.operationId() + " " + String.join(", ", values);
      } catch (IllegalArgumentException e) {
        problems.add(file + ": " + e.getMessage());
      }
      return null;
    }
    List<JsonNode> entries;
    try {
      entries = HarIo.entries(root);
    } catch (UnreadableInputException e) {
      problems.add(describe(file, e));
      return null;
    }
    for (int i = 0; i < entries.size(); i++) {
      HarEntry entry;
      try {
        entry = HarIo.entry(entries.get(i), i);
      } catch (UnreadableInputException e) {
        problems.add(describe(file, e));
        continue;
      }
      RequestTarget target = RequestTarget.of(entry.request().url());
      if (spec.match(entry.request().method(), target.rawPath()).isEmpty()) {
        continue;
      }
      HarResponse response = entry.response();
      String at = file + " at /log/entries/" + i + "/response";
      if (response.status() < 200 || response.status() > 599) {
        problems.add(at + "/status: expected an HTTP status from 200 to 599, found " + response.status()
            + " (1xx answers are interim and the replay server does not send them; others are not HTTP)");
        continue;
      }
      String headerProblem = headerProblem(entries.get(i).path("response").path("headers"));
      if (headerProblem != null) {
        problems.add(at + "/headers" + headerProblem);
        continue;
      }
      Optional<byte[]> body;
      try {
        body = response.content() == null ? Optional.empty() : response.content().bytes();
      } catch (IllegalArgumentException e) {
        problems.add(file + " at /log/entries/" + i + "/response/content/text: not valid base64");
        continue;
      }
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      if (response.headers() != null) {
        for (HarHeader h : response.headers()) {
          if (h.name() != null && h.value() != null) {
            headers.add(Map.entry(h.name(), h.value()));
          }
        }
      }
      recordings.addExchange(entry.request().method().toUpperCase(Locale.ROOT), target.rawPath(),
          target.rawQuery(), new RecordedResponse(response.status(), headers, body.orElse(new byte[0])));
      counts[1]++;
    }
    return null;
  }

  /**
   * What is wrong with a HAR response's headers, as "/INDEX/name: why", or {@code null}: a name
   * must be an HTTP token (RFC 9110), a value must hold no control character but tab (no CR or
   * LF, so no header is split or folded into another, and no NUL).
   */
  private static String headerProblem(JsonNode headers) {
    for (int j = 0; j < headers.size(); j++) {
      JsonNode h = headers.get(j);
      String name = h.path("name").isTextual() ? h.get("name").asText() : null;
      String value = h.path("value").isTextual() ? h.get("value").asText() : null;
      if (name == null || value == null) {
        continue; // skipped when loading, as before
      }
      if (name.isEmpty()) {
        return "/" + j + "/name: expected a header name (an HTTP token), found an empty string";
      }
      for (int k = 0; k < name.length(); k++) {
        char c = name.charAt(k);
        if (!isTokenChar(c)) {
          return "/" + j + "/name: expected a header name made of letters, digits and !#$%&'*+-.^_`|~, found "
              + describe(c) + " at position " + (k + 1);
        }
      }
      for (int k = 0; k < value.length(); k++) {
        char c = value.charAt(k);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
          return "/" + j + "/value: expected a header value without control characters (CR, LF, NUL; a folded "
              + "line is CR LF and a space), found " + describe(c) + " at position " + (k + 1) + " of header \""
              + name + "\"";
        }
        if (c > 0xff) {
          return "/" + j + "/value: expected a header value of ISO-8859-1 characters, found U+"
              + String.format("%04X", (int) c) + " at position " + (k + 1) + " of header \"" + name + "\"";
        }
      }
    }
    return null;
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  private static String describe(char c) {
    switch (c) {
      case '\r': return "CR";
      case '\n': return "LF";
      case 0: return "NUL";
      case '\t': return "a tab";
      case ' ': return "a space";
      default:
        return c < 0x20 || c == 0x7f ? String.format("control character 0x%02X", (int) c)
            : c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
  }

  private static String describe(Path file, UnreadableInputException e) {
    return file + (e.pointer() == null || e.pointer().isEmpty() ? "" : " at " + e.pointer())
        + ": " + e.getMessage();
  }
}
