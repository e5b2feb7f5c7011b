package io.raycluster.contract.conformance.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.JsonDocuments;
import io.raycluster.contract.conformance.OperationSpec;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.UnreadableInputException;
import io.raycluster.contract.conformance.har.HarEntry;
import io.raycluster.contract.conformance.har.HarHeader;
import io.raycluster.contract.conformance.har.HarIo;
import io.raycluster.contract.conformance.har.HarResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads recordings for the replay server from files: bare JSON bodies (served for their
 * {@code clusterId}) and HAR files (each entry that is a call of the operation, served for its
 * request path with its own status, headers and body). Directories are searched recursively for
 * {@code *.json} and {@code *.har}. Nothing throws for a bad file: each problem is collected with
 * the file and the JSON pointer, so a caller can refuse to start and say everything at once.
 */
public final class RecordingLoader {
  private final JsonDocuments json;
  private final OperationSpec operation;

  /** A loader that reads files with the engine's limits and matches its operation. */
  public RecordingLoader(ResponseValidator engine) {
    this.json = engine.json();
    this.operation = engine.operation();
  }

  /**
   * What was loaded, what could not be ({@code problems}), and what was loaded but shadowed
   * ({@code warnings}: two bare bodies for one cluster; the later file is served).
   */
  public record Result(ReplayRecordings recordings, int files, int exchanges, int bodies,
      List<String> problems, List<String> warnings) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Loads every path (file or directory) into a new {@link ReplayRecordings}. */
  public Result load(List<Path> paths) {
    ReplayRecordings recordings = new ReplayRecordings();
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Path> bodyFiles = new HashMap<>();
    int[] counts = new int[3];
    for (Path path : paths) {
      for (Path file : expand(path, problems)) {
        counts[0]++;
        String clusterId = loadFile(file, recordings, problems, counts);
        Path earlier = clusterId == null ? null : bodyFiles.put(clusterId, file);
        if (earlier != null) {
          warnings.add(earlier + " and " + file + " are both bodies of cluster " + clusterId
              + "; " + file + " is served");
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
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile).filter(f -> {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".har");
      }).sorted().toList();
    } catch (IOException e) {
      problems.add(path + ": cannot list the directory: " + e.getMessage());
      return List.of();
    }
  }

  /** Loads one file; returns the clusterId when it was a bare body. */
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
      try {
        recordings.addBody(json.mapper().writeValueAsBytes(root));
        counts[2]++;
        return root.get("clusterId").asText();
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
      if (!operation.matches(entry.request().method(), entry.request().url())) {
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
      try {
        recordings.addExchange(OperationSpec.pathOf(entry.request().url()),
            new RecordedResponse(response.status(), headers, body.orElse(new byte[0])));
        counts[1]++;
      } catch (IllegalArgumentException e) {
        problems.add(file + " at /log/entries/" + i + "/request/url: " + e.getMessage());
      }
    }
    return null;
  }

  private static String describe(Path file, UnreadableInputException e) {
    return file + (e.pointer() == null || e.pointer().isEmpty() ? "" : " at " + e.pointer())
        + ": " + e.getMessage();
  }
}
