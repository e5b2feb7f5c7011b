package io.raycluster.contract.conformance.doc;

import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SchemaProperty;
import io.raycluster.contract.spec.SpecOperation;
import io.raycluster.contract.spec.SpecParameter;
import io.raycluster.contract.spec.SpecResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the spec that diff-doc compares with a reference page: each operation's method and
 * path, its parameters, and the properties of its success response flattened to locations such
 * as {@code /instances/*}{@code /reason}. Read through the spec's reader ({@link ApiSpec}).
 */
public final class SpecContract {
  /** One operation of the spec. */
  public record Operation(SpecOperation spec, String method, String path, String action,
      List<Parameter> parameters, Map<String, SpecProperty> properties) {}

  /** A path, query or header parameter of an operation; {@code format} is null when unsaid. */
  public record Parameter(String name, String in, String type, String format, boolean required) {}

  private final ApiSpec spec;
  private final List<Operation> operations;

  private SpecContract(ApiSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    List<Operation> ops = new ArrayList<>();
    for (SpecOperation op : spec.operations()) {
      Map<String, SpecProperty> properties = new LinkedHashMap<>();
      SpecResponse ok = op.responses().containsKey("200") ? op.responses().get("200") : op.responses().get("DEFAULT");
      if (ok != null && ok.hasJsonBody()) {
        for (SchemaProperty p : spec.properties(ok.schemaPointer())) {
          properties.put(p.location(), new SpecProperty(p.location(), p.type(), p.format(), p.items(),
              p.itemsFormat(), p.enumValues()));
        }
      }
      List<Parameter> parameters = new ArrayList<>();
      for (SpecParameter p : op.parameters()) {
        String format = p.schemaPointer() == null ? null : spec.schema(p.schemaPointer()).path("format").textValue();
        parameters.add(new Parameter(p.name(), p.in(), p.type(), format, p.required()));
      }
      ops.add(new Operation(op, op.method(), op.pathTemplate(), op.action() == null ? "" : op.action(),
          List.copyOf(parameters), Collections.unmodifiableMap(properties)));
    }
    this.operations = List.copyOf(ops);
  }

  /** The project's spec, from the spec jar. */
  public static SpecContract load() {
    return of(ApiSpec.bundled());
  }

  /** Another spec (the command line's {@code --spec FILE}). */
  public static SpecContract of(ApiSpec spec) {
    return new SpecContract(spec);
  }

  public ApiSpec spec() {
    return spec;
  }

  /** The spec's file or resource, as reports name it. */
  public String source() {
    return spec.source();
  }

  public List<Operation> operations() {
    return operations;
  }

  /**
   * The operation a page describes: the one with the page's method and path, else the one with
   * the page's action name, else the spec's only operation (a page whose path changed still
   * describes it).
   */
  public Optional<Operation> operationFor(String method, String path, String action) {
    for (Operation op : operations) {
      if (op.method().equals(method) && op.path().equals(path)) {
        return Optional.of(op);
      }
    }
    for (Operation op : operations) {
      if (action != null && !action.isEmpty() && op.action().equals(action)) {
        return Optional.of(op);
      }
    }
    return operations.size() == 1 ? Optional.of(operations.get(0)) : Optional.empty();
  }

  /** The names the spec declares directly inside the object at {@code scope} ("" is the body). */
  public static Set<String> children(Map<String, SpecProperty> properties, String scope) {
    Set<String> names = new LinkedHashSet<>();
    String prefix = scope + "/";
    for (String location : properties.keySet()) {
      if (location.startsWith(prefix) && location.indexOf('/', prefix.length()) < 0) {
        names.add(location.substring(prefix.length()));
      }
    }
    return Collections.unmodifiableSet(names);
  }
}
