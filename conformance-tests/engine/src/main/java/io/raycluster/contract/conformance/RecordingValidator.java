package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.har.HarEntry;
import io.raycluster.contract.conformance.har.HarIo;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates recordings: a bare JSON body (taken as a 200 response) or a HAR file (each entry
 * that is a call of the operation, with its own status; other entries skipped and counted).
 * Nothing here throws for bad input: every problem becomes an {@link Verdict#UNREADABLE}
 * outcome. Thread-safe; one instance can serve many threads.
 */
public final class RecordingValidator {
  private final ResponseValidator engine;
  private final Mode mode;

  public RecordingValidator(ResponseValidator engine, Mode mode) {
    this.engine = engine;
    this.mode = mode;
  }

  public Mode mode() {
    return mode;
  }

  /** A file; {@code .har} files must be HARs, other files are sniffed ({@code {"log": {...}}}). */
  public FileOutcome validateFile(Path file, String displayPath) {
    byte[] bytes;
    try {
      bytes = engine.json().readFile(file);
    } catch (UnreadableInputException e) {
      return unreadable(displayPath, e);
    }
    boolean har = file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".har");
    return validate(displayPath, bytes, har);
  }

  /** Standard input (read up to the size limit), reported as {@code -}. */
  public FileOutcome validateStream(InputStream in, String displayPath) {
    try {
      return validate(displayPath, engine.json().readStream(in), false);
    } catch (UnreadableInputException e) {
      return unreadable(displayPath, e);
    }
  }

  /** Bytes of a recording: a HAR when {@code harExpected} or when it looks like one. */
  public FileOutcome validate(String displayPath, byte[] bytes, boolean harExpected) {
    if (!harExpected && engine.streamingPasses(200, bytes, mode == Mode.STRICT)) {
      // the fast path: a valid body, found without building a tree
      return new FileOutcome(displayPath, List.of(Outcome.of(displayPath, null, null, ValidationResult.valid())), 0);
    }
    JsonNode root;
    try {
      root = engine.json().parse(bytes);
    } catch (UnreadableInputException e) {
      return unreadable(displayPath, e);
    }
    // A .json file is a HAR when it has a "log" object and is not a cluster body (no requestId).
    if (harExpected || (HarIo.looksLikeHar(root) && !root.has("requestId"))) {
      return validateHar(displayPath, root);
    }
    return new FileOutcome(displayPath, List.of(Outcome.of(displayPath, null, null, engine.validate(200, root, mode))), 0);
  }

  private FileOutcome validateHar(String path, JsonNode root) {
    List<JsonNode> raw;
    try {
      raw = HarIo.entries(root);
    } catch (UnreadableInputException e) {
      return unreadable(path, e);
    }
    List<Outcome> outcomes = new ArrayList<>();
    int skipped = 0;
    OperationSpec operation = engine.operation();
    for (int i = 0; i < raw.size(); i++) {
      HarEntry entry;
      try {
        entry = HarIo.entry(raw.get(i), i);
      } catch (UnreadableInputException e) {
        outcomes.add(Outcome.of(path, i, null, ValidationResult.unreadable(e)));
        continue;
      }
      if (!operation.matches(entry.request().method(), entry.request().url())) {
        skipped++;
        continue;
      }
      int status = entry.response().status();
      String label = entry.request().method().toUpperCase(Locale.ROOT) + " "
          + OperationSpec.pathOf(entry.request().url()) + " -> " + status;
      outcomes.add(Outcome.of(path, i, label, validateEntry(entry, i, status)));
    }
    return new FileOutcome(path, outcomes, skipped);
  }

  private ValidationResult validateEntry(HarEntry entry, int index, int status) {
    String at = "/log/entries/" + index + "/response/content";
    if (entry.response().content() == null) {
      return ValidationResult.unreadable(new UnreadableInputException("har", at,
          "the response body was not recorded (the entry has no \"content\")"));
    }
    Optional<byte[]> body;
    try {
      body = entry.response().content().bytes();
    } catch (IllegalArgumentException e) {
      return ValidationResult.unreadable(new UnreadableInputException("har", at + "/text",
          "the response body is marked base64 but is not valid base64"));
    }
    if (body.isEmpty()) {
      return ValidationResult.unreadable(new UnreadableInputException("har", at + "/text",
          "the response body was not recorded (\"content.text\" is missing)"));
    }
    return engine.validate(status, body.get(), mode);
  }

  private static FileOutcome unreadable(String path, UnreadableInputException e) {
    return new FileOutcome(path, List.of(Outcome.of(path, null, null, ValidationResult.unreadable(e))), 0);
  }
}
