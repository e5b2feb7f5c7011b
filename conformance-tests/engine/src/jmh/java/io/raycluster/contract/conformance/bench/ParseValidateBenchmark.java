package io.raycluster.contract.conformance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.conformance.ValidationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse-and-validate of the reference example versus Jackson parsing it alone. The goal is
 * {@code validate / jacksonParse <= 1.5}; {@code validateFull} is networknt without the fast path,
 * for scale. Run with {@code bash conformance-tests/cli/bench/run.sh} (never part of mvn verify).
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseValidateBenchmark {
  private byte[] body;
  private ObjectMapper jackson;
  private ResponseValidator engine;
  private ResponseValidator fullEngine;

  @Setup
  public void setUp() throws Exception {
    engine = ResponseValidator.fromSpec();
    JsonNode example = engine.requireDefaultOperation().responses().get("200").example();
    jackson = new ObjectMapper();
    body = jackson.writerWithDefaultPrettyPrinter().writeValueAsBytes(example);
    fullEngine = ResponseValidator.builder().fastPath(false).build();
    ValidationResult r = engine.validate(200, body, Mode.STRICT);
    if (!r.isValid()) {
      throw new IllegalStateException("the reference example must be valid: " + r);
    }
  }

  /** The baseline: Jackson parsing the body into a tree. */
  @Benchmark
  public JsonNode jacksonParse() throws Exception {
    return jackson.readTree(body);
  }

  /** The engine's default: strict reading (UTF-8, duplicates, limits) + fast path, lenient. */
  @Benchmark
  public ValidationResult validate() {
    return engine.validate(200, body, Mode.LENIENT);
  }

  /** The same in strict mode (drift detection). */
  @Benchmark
  public ValidationResult validateStrict() {
    return engine.validate(200, body, Mode.STRICT);
  }

  /** networknt on every body (what the engine does for bodies that fail the fast path). */
  @Benchmark
  public ValidationResult validateFull() {
    return fullEngine.validate(200, body, Mode.LENIENT);
  }
}
