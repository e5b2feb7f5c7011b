package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import io.raycluster.contract.client.auth.Redaction;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.Sensitivity;
import io.raycluster.contract.spec.SpecException;
import io.raycluster.contract.spec.SpecOperation;
import io.raycluster.contract.spec.SpecResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conformance engine: checks a response body against the schema the spec declares for its
 * operation and HTTP status. Build one per process and share it: it is immutable and
 * thread-safe, and every schema is compiled once.
 *
 * <pre>{@code
 * ResponseValidator engine = ResponseValidator.fromSpec();            // the bundled spec
 * SpecOperation op = engine.spec().requireOperation("getRayCluster");
 * ValidationResult r = engine.validate(op, 200, bodyBytes, Mode.STRICT);
 * r.findings().forEach(f -> System.out.println(f));   // /workerSpec/1/maxReplica: expected integer, ...
 * }</pre>
 *
 * <p>Any OpenAPI 3.0 document read by {@link ApiSpec} can be given ({@link Builder#spec}); every
 * operation of it is served. Schemas are validated by JSON pointer with networknt
 * json-schema-validator in its OpenAPI 3.0 dialect (which understands {@code nullable}, ignores
 * {@code example}), plus the {@code int32}/{@code int64} formats. Valid bodies take a fast path
 * (a compiled yes/no check); only bodies that fail it go through the full validator, which
 * produces the findings. Secret values never appear in a finding: what is secret is what the
 * spec marks {@code x-sensitive}.
 */
public final class ResponseValidator {
  private final ApiSpec spec;
  private final SpecOperation defaultOperation;
  private final JsonDocuments json;
  private final FindingWords words;
  private final Redaction secrets;
  private final Map<String, Shape> shapes;
  private final Map<String, Boolean> fastEligible;
  private final boolean fastPath;
  private volatile Map<String, Schema> schemas;

  private ResponseValidator(Builder b) {
    this.spec = b.spec == null ? ApiSpec.bundled() : b.spec;
    this.defaultOperation = spec.soleJsonGetOperation().orElse(null);
    this.fastPath = b.fastPath;
    Sensitivity s = spec.sensitivity();
    this.secrets = Redaction.of(s.properties(), s.queryParameters(), s.headers());
    this.json = JsonDocuments.create(b.limits, secrets);
    this.words = new FindingWords(secrets);

    JsonNode document = spec.document();
    Map<String, Shape> compiled = new HashMap<>();
    Map<String, Boolean> eligible = new HashMap<>();
    for (String pointer : schemaPointers()) {
      Shape shape = Shape.compile(document, pointer);
      shape.prepare();
      compiled.put(pointer, shape);
      eligible.put(pointer, shape.fullyExact());
    }
    this.shapes = Map.copyOf(compiled);
    this.fastEligible = Map.copyOf(eligible);
    if (!fastPath || eligible.containsValue(false)) {
      fullValidators();
    }
  }

  /** The engine for the bundled spec (the spec jar), default limits, fast path on. */
  public static ResponseValidator fromSpec() {
    return builder().build();
  }

  /** The engine for another spec, default limits, fast path on. */
  public static ResponseValidator forSpec(ApiSpec spec) {
    return builder().spec(spec).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The spec whose responses are checked. */
  public ApiSpec spec() {
    return spec;
  }

  /**
   * The operation a bare body answers when nothing says which: the spec's only {@code GET} with a
   * JSON {@code 200} response, when it has exactly one.
   */
  public Optional<SpecOperation> defaultOperation() {
    return Optional.ofNullable(defaultOperation);
  }

  /** The JSON reader with this engine's limits (strict: one document, UTF-8, no duplicates). */
  public JsonDocuments json() {
    return json;
  }

  /** What the spec marks secret, for masking anything derived from responses. */
  public Redaction secrets() {
    return secrets;
  }

  /**
   * Compiles the full validators now instead of at the first body that fails the fast path
   * (a server may prefer to pay that at start-up). Returns this engine.
   */
  public ResponseValidator precompile() {
    fullValidators();
    return this;
  }

  /**
   * Reads {@code body} as JSON within the limits and validates it as {@code op}'s response with
   * {@code status}; unreadable bodies give an {@link Verdict#UNREADABLE} result whose one finding
   * says why.
   */
  public ValidationResult validate(SpecOperation op, int status, byte[] body, Mode mode) {
    if (op.schemaPointerFor(status).isEmpty()) {
      // The status is the first thing wrong, whatever the body holds.
      return ValidationResult.of(List.of(new Finding("", "status", undeclaredStatus(op, status))));
    }
    if (fastPath && streamingPasses(op, status, body, mode == Mode.STRICT)) {
      return ValidationResult.valid();
    }
    JsonNode node;
    try {
      node = json.parse(body);
    } catch (UnreadableInputException e) {
      return ValidationResult.unreadable(e);
    }
    return validate(op, status, node, mode);
  }

  /** Validates an already parsed body as {@code op}'s response with {@code status}. */
  public ValidationResult validate(SpecOperation op, int status, JsonNode body, Mode mode) {
    Objects.requireNonNull(op, "operation");
    Optional<String> pointer = op.schemaPointerFor(status);
    if (pointer.isEmpty()) {
      return ValidationResult.of(List.of(new Finding("", "status", undeclaredStatus(op, status))));
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
    Set<String> wrongType = new HashSet<>();
    for (Error e : errors) {
      Finding f = words.of(e, body);
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

  /** {@link #validate(SpecOperation, int, byte[], Mode)} for the {@link #defaultOperation()}. */
  public ValidationResult validate(int status, byte[] body, Mode mode) {
    return validate(requireDefaultOperation(), status, body, mode);
  }

  /** {@link #validate(SpecOperation, int, JsonNode, Mode)} for the {@link #defaultOperation()}. */
  public ValidationResult validate(int status, JsonNode body, Mode mode) {
    return validate(requireDefaultOperation(), status, body, mode);
  }

  /**
   * The {@link #defaultOperation()}.
   *
   * @throws IllegalStateException saying why there is none and listing the operations
   */
  public SpecOperation requireDefaultOperation() {
    if (defaultOperation != null) {
      return defaultOperation;
    }
    List<String> gets = spec.operations().stream()
        .filter(o -> o.method().equals("GET") && o.hasJsonSuccessBody()).map(SpecOperation::operationId).toList();
    throw new IllegalStateException("Which operation a bare response body answers must be said: the spec "
        + spec.source() + " has " + (gets.isEmpty() ? "no GET operation with a JSON 200 response"
            : gets.size() + " GET operations with a JSON 200 response " + gets)
        + "; its operations are " + spec.operations().stream().map(SpecOperation::operationId).toList());
  }

  /**
   * The fast path for bytes: one streaming pass over the tokens against the compiled shape, no
   * tree built. Any doubt (a finding, drift in strict mode, a parse problem) answers false and
   * the caller takes the full path, which reads the body strictly and words every finding.
   */
  boolean streamingPasses(SpecOperation op, int status, byte[] body, boolean strict) {
    Optional<String> pointer = op.schemaPointerFor(status);
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

  /**
   * Whether bodies of {@code op} with {@code status} take the fast path (its schema uses only
   * keywords the fast path models). A performance property only: findings are the same either way.
   */
  public boolean fastPathCovers(SpecOperation op, int status) {
    return fastPath && op.schemaPointerFor(status).map(fastEligible::get).orElse(false);
  }

  private static String undeclaredStatus(SpecOperation op, int status) {
    return "HTTP status " + status + " is not declared by the spec for " + op.operationId()
        + " (it declares " + String.join(", ", new TreeSet<>(op.responseKeys())) + ")";
  }

  /** Every JSON body schema any operation's responses use. */
  private List<String> schemaPointers() {
    Set<String> pointers = new java.util.LinkedHashSet<>();
    for (SpecOperation op : spec.operations()) {
      for (SpecResponse r : op.responses().values()) {
        if (r.hasJsonBody()) {
          pointers.add(r.schemaPointer());
        }
      }
    }
    return List.copyOf(pointers);
  }

  /**
   * The networknt schemas, compiled once on first need: with the fast path, a run over valid
   * responses never needs them, which saves the command-line tool a good part of its start-up.
   */
  private Map<String, Schema> fullValidators() {
    Map<String, Schema> s = schemas;
    if (s == null) {
      synchronized (shapes) {
        s = schemas;
        if (s == null) {
          s = compileSchemas();
          schemas = s;
        }
      }
    }
    return s;
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
    // networknt reads the document as JSON text under an IRI of its own; the text is the tree
    // ApiSpec read, so both see the same document whatever format the file was in.
    String iri = "https://raycluster.io/contract/spec.json";
    String text;
    try {
      text = json.mapper().writeValueAsString(spec.document());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the spec as JSON", e);
    }
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
        dialect, r -> r.schemaRegistryConfig(config).schemas(Map.of(iri, text)));
    Map<String, Schema> compiled = new HashMap<>();
    for (String pointer : shapes.keySet()) {
      try {
        Schema schema = registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
        schema.initializeValidators();
        compiled.put(pointer, schema);
      } catch (RuntimeException e) {
        // ApiSpec checks the shape of every schema; whatever the validator still cannot compile
        // is the spec's problem, said with its pointer, not an internal error.
        throw new SpecException(spec.source(), pointer, "the schema cannot be compiled: " + e.getMessage(), e);
      }
    }
    return Map.copyOf(compiled);
  }

  /** Builds an engine; the defaults suit almost every use. */
  public static final class Builder {
    private ApiSpec spec;
    private Limits limits = Limits.defaults();
    private boolean fastPath = true;

    private Builder() {}

    /** The spec whose responses to check (default {@link ApiSpec#bundled()}). */
    public Builder spec(ApiSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** Input limits for the byte-level entry points (default {@link Limits#defaults()}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
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

    public ResponseValidator build() {
      return new ResponseValidator(this);
    }
  }
}
