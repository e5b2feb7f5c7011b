package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.raycluster.contract.conformance.har.HarEntry;
import io.raycluster.contract.conformance.har.HarIo;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Validates recordings: a bare JSON body (taken as a {@code 200} response of the body operation)
 * or a HAR file (each entry that is a call of an operation of the spec, matched by method and
 * path template, with its own status; other entries skipped and counted). Nothing here throws
 * for bad input: every problem becomes an {@link Verdict#UNREADABLE} outcome. Thread-safe; one
 * instance can serve many threads.
 */
public final class RecordingValidator {
  private final ResponseValidator engine;
  private final Mode mode;
  private final SpecOperation bodyOperation;
  /** The body operation's required top-level properties: what tells a body from a HAR file. */
  private final java.util.Set<String> bodyRequired;

  /** Bare bodies answer the engine's {@link ResponseValidator#defaultOperation()}. */
  public RecordingValidator(ResponseValidator engine, Mode mode) {
    this(engine, mode, engine.defaultOperation().orElse(null));
  }

  /**
   * Bare bodies answer {@code bodyOperation} ({@code null}: the spec has no default and bare
   * bodies are reported unreadable, saying so).
   */
  public RecordingValidator(ResponseValidator engine, Mode mode, SpecOperation bodyOperation) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.bodyOperation = bodyOperation;
    String pointer = bodyOperation == null ? null : bodyOperation.schemaPointerFor(200).orElse(null);
    this.bodyRequired = pointer == null ? java.util.Set.of() : engine.spec().properties(pointer).stream()
        .filter(p -> p.required() && p.path().size() == 1).map(p -> p.name())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  public Mode mode() {
    return mode;
  }

  /** The operation bare bodies are validated as, when there is one. */
  public Optional<SpecOperation> bodyOperation() {
    return Optional.ofNullable(bodyOperation);
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
    if (!harExpected && bodyOperation != null
        && engine.streamingPasses(bodyOperation, 200, bytes, mode == Mode.STRICT)) {
      // the fast path: a valid body, found without building a tree
      return bare(displayPath, ValidationResult.valid());
    }
    if (harExpected || looksLikeHar(bytes)) {
      return validateHar(displayPath, bytes);
    }
    JsonNode root;
    try {
      root = engine.json().parse(bytes);
    } catch (UnreadableInputException e) {
      return unreadable(displayPath, e);
    }
    if (bodyOperation == null) {
      return unreadable(displayPath, new UnreadableInputException("operation", "",
          "a bare JSON body, and which operation it answers is not known: "
              + noDefaultOperation()));
    }
    return bare(displayPath, engine.validate(bodyOperation, 200, root, mode));
  }

  /**
   * A JSON file with a {@code "log"} object is a HAR unless it is a body of the body operation
   * that carries one of that body's required properties (a body may have a field named "log").
   * Decided from the top-level keys alone, read without building a tree; a document that cannot
   * be read this far is not taken for a HAR (the body path says what is wrong with it).
   */
  private boolean looksLikeHar(byte[] bytes) {
    try (com.fasterxml.jackson.core.JsonParser p = engine.json().streamingParser(bytes)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return false;
      }
      boolean log = false;
      for (com.fasterxml.jackson.core.JsonToken t = p.nextToken();
          t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken value = p.nextToken();
        if (bodyRequired.contains(name)) {
          return false;
        }
        if (name.equals("log") && value == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          log = true;
        }
        p.skipChildren();
      }
      return log;
    } catch (java.io.IOException | RuntimeException unreadable) {
      return false;
    }
  }

  private String noDefaultOperation() {
    try {
      engine.requireDefaultOperation();
      return "";
    } catch (IllegalStateException e) {
      return e.getMessage() + " (the command line's --operation ID says which)";
    }
  }

  /** Where a HAR keeps its entries: streamed one at a time, never all in memory. */
  private static final List<String> HAR_ENTRIES = List.of("log", "entries");

  private FileOutcome validateHar(String path, byte[] bytes) {
    ApiSpec spec = engine.spec();
    List<Outcome> outcomes = new ArrayList<>();
    int[] skipped = {0};
    try {
      JsonNode root = engine.json().parse(bytes, HAR_ENTRIES, (i, raw) -> {
        Outcome o = validateRawEntry(spec, path, i, raw);
        if (o == null) {
          skipped[0]++;
        } else {
          outcomes.add(o);
        }
      });
      HarIo.entries(root); // the structure: an object, with a "log" object, with an "entries" array
    } catch (UnreadableInputException e) {
      // Broken further on than the entries read so far: the file as a whole is unreadable.
      return unreadable(path, e);
    }
    return new FileOutcome(path, outcomes, skipped[0]);
  }

  /** The outcome of one raw entry; null when it is not a call of an operation of the spec. */
  private Outcome validateRawEntry(ApiSpec spec, String path, int i, JsonNode raw) {
    HarEntry entry;
    try {
      entry = HarIo.entry(raw, i);
    } catch (UnreadableInputException e) {
      return Outcome.of(path, i, null, ValidationResult.unreadable(e));
    }
    RequestTarget target = RequestTarget.of(entry.request().url());
    Optional<ApiSpec.Match> match = spec.match(entry.request().method(), target.rawPath());
    if (match.isEmpty()) {
      return null;
    }
    int status = entry.response().status();
    String label = entry.request().method().toUpperCase(Locale.ROOT) + " " + target.rawPath() + " -> " + status;
    return Outcome.of(path, i, label, validateEntry(match.get().operation(), entry, i, status));
  }

  private ValidationResult validateEntry(SpecOperation op, HarEntry entry, int index, int status) {
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
    byte[] bytes = body.get();
    if (isGzip(bytes)) {
      // A recorder that kept the body as sent on the wire (Content-Encoding: gzip, base64 text).
      try {
        bytes = gunzip(bytes, engine.json().limits().maxBytes());
      } catch (UnreadableInputException e) {
        return ValidationResult.unreadable(new UnreadableInputException(e.keyword(), at + "/text", e.getMessage()));
      }
    }
    return engine.validate(op, status, bytes, mode);
  }

  private static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /** The inflated body, refused past {@code max} bytes (a small gzip may inflate to gigabytes). */
  private static byte[] gunzip(byte[] gz, long max) throws UnreadableInputException {
    try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      byte[] out = in.readNBytes((int) (max + 1));
      if (out.length > max) {
        throw new UnreadableInputException("size", "", "the gzip-compressed response body inflates to more than "
            + max + " bytes (raise the limit with --max-file-size)");
      }
      return out;
    } catch (java.io.IOException e) {
      throw new UnreadableInputException("har", "", "the response body starts like gzip but does not inflate: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }
  }

  private static FileOutcome bare(String path, ValidationResult r) {
    return new FileOutcome(path, List.of(Outcome.of(path, null, null, r)), 0);
  }

  private static FileOutcome unreadable(String path, UnreadableInputException e) {
    return bare(path, ValidationResult.unreadable(e));
  }
}
