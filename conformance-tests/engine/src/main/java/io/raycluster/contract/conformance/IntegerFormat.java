package io.raycluster.contract.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.format.Format;
import java.math.BigInteger;

/**
 * OpenAPI 3.0's {@code int32} and {@code int64} formats, which the JSON Schema dialects of
 * networknt do not assert: an integer outside the signed 32- or 64-bit range is a finding.
 * Non-integers are left to the {@code type} keyword.
 */
final class IntegerFormat implements Format {
  static final IntegerFormat INT32 = new IntegerFormat("int32", Integer.MIN_VALUE, Integer.MAX_VALUE);
  static final IntegerFormat INT64 = new IntegerFormat("int64", Long.MIN_VALUE, Long.MAX_VALUE);

  private final String name;
  private final BigInteger min;
  private final BigInteger max;

  private IntegerFormat(String name, long min, long max) {
    this.name = name;
    this.min = BigInteger.valueOf(min);
    this.max = BigInteger.valueOf(max);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean matches(ExecutionContext context, SchemaContext schemaContext, JsonNode value) {
    if (!value.isIntegralNumber()) {
      if (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0) {
        return inRange(value.decimalValue().toBigInteger());
      }
      return true;
    }
    return inRange(value.bigIntegerValue());
  }

  private boolean inRange(BigInteger v) {
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  String range() {
    return min + " to " + max;
  }

  static IntegerFormat named(String name) {
    return "int32".equals(name) ? INT32 : "int64".equals(name) ? INT64 : null;
  }
}
