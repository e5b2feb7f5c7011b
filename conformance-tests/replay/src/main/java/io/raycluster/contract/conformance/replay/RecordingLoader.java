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
    try {
      root = json.parse(json.readFile(file));
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
        recordings.addBody(bodyOperation, json.mapper().writeValueAsBytes(root));
        counts[2]++;
        List<String> values = new ArrayList<>();
        for (String name : bodyOperation.pathVariableNames()) {
          if (root.path(name).isTextual()) {
            values.add(name + "=" + root.get(name).asText());
          }
        }
        return bodyOperation.operationId() + " " + String.join(", ", values);
      } catch (IOException | IllegalArgumentException e) {
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

  private static String describe(Path file, UnreadableInputException e) {
    return file + (e.pointer() == null || e.pointer().isEmpty() ? "" : " at " + e.pointer())
        + ": " + e.getMessage();
  }
}
