package io.raycluster.contract.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import io.raycluster.contract.spec.SpecResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data-sharing archive: {@code bin/raycluster-conformance}
 * runs this once per Java runtime with {@code -XX:ArchiveClassesAtExit}, so that later runs map
 * the classes that {@code validate} loads instead of reading and verifying them from the jar.
 *
 * <p>It validates what the bundled spec documents (each operation's success example, as a bare
 * body and inside a HAR) in every report format, and renders each command's help, all into a
 * discarded stream. Nothing here is hard-coded to GetRayCluster: the examples come from the spec.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("raycluster-conformance-cds-");
    try {
      writeExamples(ApiSpec.bundled(), work);
      PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
      String dir = work.toString();
      for (io.raycluster.contract.conformance.report.ReportFormat format
          : io.raycluster.contract.conformance.report.ReportFormat.values()) {
        ConformanceCli.execute(new ByteArrayInputStream(new byte[0]), discard, discard, false,
            "validate", "--format", format.name(), dir);
      }
      ConformanceCli.execute(new ByteArrayInputStream(new byte[0]), discard, discard, false,
          "validate", "--strict", dir);
      ConformanceCli.execute(new ByteArrayInputStream(new byte[0]), discard, discard, false, "--help");
      ConformanceCli.execute(new ByteArrayInputStream(new byte[0]), discard, discard, false, "validate", "--help");
    } finally {
      deleteTree(work);
    }
  }

  private static void writeExamples(ApiSpec spec, Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode har = json.createObjectNode();
    ObjectNode log = har.putObject("log");
    log.put("version", "1.2");
    log.putObject("creator").put("name", "raycluster-conformance CDS training").put("version", "1");
    ArrayNode entries = log.putArray("entries");
    for (SpecOperation operation : spec.operations()) {
      SpecResponse ok = operation.responseFor(200).orElse(null);
      if (ok == null || ok.example() == null) {
        continue;
      }
      JsonNode example = ok.example();
      Files.write(dir.resolve(operation.operationId() + ".json"), json.writeValueAsBytes(example));
      ObjectNode entry = entries.addObject();
      entry.put("startedDateTime", "2026-01-01T00:00:00.000Z");
      entry.put("time", 1);
      ObjectNode request = entry.putObject("request");
      request.put("method", operation.method());
      request.put("url", "https://example.invalid" + pathFor(operation));
      request.put("httpVersion", "HTTP/1.1");
      request.putArray("headers");
      request.putArray("queryString");
      request.putArray("cookies");
      request.put("headersSize", -1);
      request.put("bodySize", 0);
      ObjectNode response = entry.putObject("response");
      response.put("status", 200);
      response.put("statusText", "OK");
      response.put("httpVersion", "HTTP/1.1");
      response.putArray("headers").addObject().put("name", "Content-Type").put("value", "application/json");
      response.putArray("cookies");
      String body = json.writeValueAsString(example);
      response.putObject("content").put("size", body.length()).put("mimeType", "application/json").put("text", body);
      response.put("redirectURL", "");
      response.put("headersSize", -1);
      response.put("bodySize", body.length());
      entry.putObject("cache");
      entry.putObject("timings").put("send", 0).put("wait", 1).put("receive", 0);
    }
    Files.write(dir.resolve("training.har"), json.writeValueAsBytes(har));
  }

  /** The operation's path with each variable filled by its name, e.g. {@code /api/v1/workspaces/workspaceId/...}. */
  private static String pathFor(SpecOperation operation) {
    String path = operation.pathTemplate();
    for (String name : operation.pathVariableNames()) {
      path = path.replace("{" + name + "}", name);
    }
    return path;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a temp folder left behind is harmless; the training run must not fail the user's command
    }
  }
}
