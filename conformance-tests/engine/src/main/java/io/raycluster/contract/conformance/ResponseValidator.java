package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.raycluster.contract.spec.RayClusterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance engine: checks a response body against the schema the spec declares for its
 * HTTP status. Build one per process ({@link #fromSpec()}) and share it: it is immutable and
 * thread-safe, and every schema is compiled once when it is built.
 *
 * <pre>{@code
 * ResponseValidator engine = ResponseValidator.fromSpec();
 * ValidationResult r = engine.validate(200, bodyBytes, Mode.STRICT);
 * r.findings().forEach(f -> System.out.println(f));   // /workerSpec/1/maxReplica: expected integer, ...
 * }</pre>
 *
 * <p>Schemas are read from the spec jar ({@link RayClusterSpec}) by JSON pointer and validated
 * with networknt json-schema-validator in its OpenAPI 3.0 dialect (which understands
 * {@code nullable}, ignores {@code example}), plus the {@code int32}/{@code int64} formats.
 * Valid bodies take a fast path (a compiled yes/no check); only bodies that fail it go through
 * the full validator, which produces the findings.
 */
public final class ResponseValidator {
  /** The operation this project's spec describes. */
  public static final String OPERATION_ID = "getRayCluster";

  private static final String SPEC_IRI = "https://raycluster.io/contract/" + RayClusterSpec.RESOURCE;

  private final OperationSpec operation;
  private final JsonDocuments json;
  private final String specText;
  private volatile Map<String, Schema> schemas;
  private final Map<String, Shape> shapes;
  private final Map<String, Boolean> fastEligible;
  private final boolean fastPath;

  private ResponseValidator(Builder b) {
    JsonNode document = readDocument(b);
    this.operation = OperationSpec.read(document, b.operationId);
    this.json = JsonDocuments.create(b.limits);
    this.fastPath = b.fastPath;

    Map<String, Shape> compiledShapes = new HashMap<>();
    Map<String, Boolean> eligible = new HashMap<>();
    for (String pointer : operation.schemaPointers().values()) {
      Shape shape = Shape.compile(document, pointer);
      shape.prepare();
      compiledShapes.put(pointer, shape);
      eligible.put(pointer, shape.fullyExact());
    }
    this.shapes = Map.copyOf(compiledShapes);
    this.fastEligible = Map.copyOf(eligible);
    this.specText = b.specText;
    if (!fastPath || eligible.containsValue(false)) {
      fullValidators();
    }
  }

  /**
   * The networknt schemas, compiled once on first need: with the fast path, a run over valid
   * responses never needs them, which saves the command-line tool a good part of its start-up.
   */
  private Map<String, Schema> fullValidators() {
    Map<String, Schema> s = schemas;
    if (s == null) {
      synchronized (this) {
        s = schemas;
        if (s == null) {
          s = compileSchemas();
          schemas = s;
        }
      }
    }
    return s;
  }

  /**
   * Compiles the full validators now instead of at the first body that fails the fast path
   * (a server may prefer to pay that at start-up). Returns this engine.
   */
  public ResponseValidator precompile() {
    fullValidators();
    return this;
  }

  private Map<String, Schema> compileSchemas() {
    Dialect dialect =
        Dialect.builder(Dialects.getOpenApi30())
            .format(IntegerFormat.INT32)
            .format(IntegerFormat.INT64)
            .build();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .typeLoose(false)
            .build();
    String text = specText;
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            dialect,
            r -> r.schemaRegistryConfig(config).schemas(Map.of(SPEC_IRI, text)));
    Map<String, Schema> compiled = new HashMap<>();
    for (String pointer : operation.schemaPointers().values()) {
      if (compiled.containsKey(pointer)) {
        continue;
      }
      Schema schema = registry.getSchema(SchemaLocation.of(SPEC_IRI + "#" + pointer));
      schema.initializeValidators();
      compiled.put(pointer, schema);
    }
    return Map.copyOf(compiled);
  }

  private static JsonNode readDocument(Builder b) {
    try (com.fasterxml.jackson.core.JsonParser p = new YAMLFactory().createParser(b.specText)) {
      return Trees.read(p);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse the spec document", e);
    }
  }

  /** The engine for this project's spec (from the spec jar), default limits, fast path on. */
  public static ResponseValidator fromSpec() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The operation whose responses are checked (method, path template, schemas by status). */
  public OperationSpec operation() {
    return operation;
  }

  /** The JSON reader with this engine's limits (strict: one document, UTF-8, no duplicates). */
  public JsonDocuments json() {
    return json;
  }

  /**
   * Reads {@code body} as JSON within the limits and validates it; unreadable bodies give an
   * {@link Verdict#UNREADABLE} result whose one finding says why.
   */
  public ValidationResult validate(int status, byte[] body, Mode mode) {
    if (fastPath && streamingPasses(status, body, mode == Mode.STRICT)) {
      return ValidationResult.valid();
    }
    JsonNode node;
    try {
      node = json.parse(body);
    } catch (UnreadableInputException e) {
      return ValidationResult.unreadable(e);
    }
    return validate(status, node, mode);
  }

  /**
   * The fast path for bytes: one streaming pass over the tokens against the compiled shape, no
   * tree built. Any doubt (a finding, drift in strict mode, a parse problem) answers false and
   * the caller takes the full path, which reads the body strictly and words every finding.
   */
  boolean streamingPasses(int status, byte[] body, boolean strict) {
    Optional<String> pointer = operation.schemaPointerFor(status);
    if (pointer.isEmpty() || !fastEligible.get(pointer.get())
        || body.length > json.limits().maxBytes()
        // the streaming parser checks string lengths only for strings it reads: a body that
        // could hold an over-long string takes the full path
        || body.length > json.limits().maxStringLength()) {
      return false;
    }
    if (!JsonDocuments.plainText(body)) {
      return false;
    }
    try (com.fasterxml.jackson.core.JsonParser p = json.streamingParser(body)) {
      return shapes.get(pointer.get()).passes(p, p.nextToken(), strict) && p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether bodies for {@code status} can take the fast path (the schema uses only keywords it models). */
  public boolean fastPathCovers(int status) {
    return fastPath && operation.schemaPointerFor(status).map(fastEligible::get).orElse(false);
  }

  /** Validates an already parsed body as the response to a call that returned {@code status}. */
  public ValidationResult validate(int status, JsonNode body, Mode mode) {
    Optional<String> pointer = operation.schemaPointerFor(status);
    if (pointer.isEmpty()) {
      return ValidationResult.of(List.of(new Finding("", "status",
          "HTTP status " + status + " is not declared by the spec for " + operation.operationId()
              + " (declared: " + String.join(", ", operation.schemaPointers().keySet()) + ")")));
    }
    Shape shape = shapes.get(pointer.get());
    boolean strict = mode == Mode.STRICT;
    List<Finding> drift = new ArrayList<>(0);
    if (strict) {
      shape.drift(body, "", drift);
    }
    if (fastPath && fastEligible.get(pointer.get()) && shape.passes(body)) {
      drift.sort(Comparator.comparing(Finding::pointer));
      return ValidationResult.of(drift);
    }
    List<Error> errors = fullValidators().get(pointer.get()).validate(body);
    List<Finding> findings = new ArrayList<>(errors.size() + drift.size());
    java.util.Set<String> wrongType = new java.util.HashSet<>();
    for (Error e : errors) {
      Finding f = FindingWords.of(e, body);
      if (f.keyword().equals("type")) {
        wrongType.add(f.pointer());
      }
      findings.add(f);
    }
    // A value of the wrong type also fails its enum or format; the type finding says it all.
    findings.removeIf(f -> !f.keyword().equals("type") && wrongType.contains(f.pointer())
        && (f.keyword().equals("enum") || f.keyword().equals("format")));
    findings.addAll(drift);
    findings.sort(Comparator.comparing(Finding::pointer).thenComparing(Finding::keyword));
    return ValidationResult.of(findings);
  }

  /** Builds an engine; the defaults suit almost every use. */
  public static final class Builder {
    private String specText;
    private String operationId = OPERATION_ID;
    private Limits limits = Limits.defaults();
    private boolean fastPath = true;

    private Builder() {}

    /** Input limits for {@link #validate(int, byte[], Mode)} (default {@link Limits#defaults()}). */
    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * Turns the fast path off (default on): every body then goes through the full validator.
     * Findings are the same either way; this exists for tests and benchmarks.
     */
    public Builder fastPath(boolean enabled) {
      this.fastPath = enabled;
      return this;
    }

    /** Another OpenAPI 3.0 document (YAML or JSON) instead of the spec jar's; for tests. */
    public Builder specText(String text) {
      this.specText = text;
      return this;
    }

    public Builder operationId(String id) {
      this.operationId = id;
      return this;
    }

    public ResponseValidator build() {
      if (specText == null) {
        try (InputStream in = RayClusterSpec.open()) {
          specText = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read the spec from the spec jar", e);
        }
      }
      return new ResponseValidator(this);
    }
  }
}
