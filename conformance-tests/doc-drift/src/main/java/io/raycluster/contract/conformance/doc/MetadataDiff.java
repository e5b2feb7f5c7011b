package io.raycluster.contract.conformance.doc;

import io.raycluster.contract.spec.SpecOperation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the vendor's API metadata with the spec: for each operation of the spec with an
 * {@code x-acs-action}, the metadata's operation of that action: path, method, parameters, every
 * property of the success response with its type, format and enum, and the response example
 * (through the {@link ExampleChecker}). As for a page, enum values are compared where both sides
 * state an enum, and a format where the metadata states one. The finding kinds are a page's; an action the metadata
 * lacks is {@link Finding.Kind#MISSING_OPERATION}. When the spec compares more than one
 * operation, each location starts with the action ({@code GetRayJob:/attempts}).
 */
final class MetadataDiff {
  private final SpecContract spec;
  private final ExampleChecker checker;

  MetadataDiff(SpecContract spec, ExampleChecker checker) {
    this.spec = spec;
    this.checker = checker;
  }

  DriftReport diff(ApiMetadata metadata) throws UnreadablePageException {
    List<SpecContract.Operation> compared = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (SpecContract.Operation op : spec.operations()) {
      if (op.action().isEmpty()) {
        continue;
      }
      SpecOperation s = op.spec();
      if ((s.product() == null || s.product().equals(metadata.product()))
          && (s.version() == null || s.version().equals(metadata.version()))) {
        compared.add(op);
      } else {
        others.add(s.product() + " " + s.version());
      }
    }
    if (compared.isEmpty()) {
      String why = others.isEmpty()
          ? "the spec's operations carry no x-acs-action, so none can be looked up in it"
          : "it describes " + metadata.product() + " " + metadata.version() + "; the spec's operations are of "
              + String.join(", ", new java.util.TreeSet<>(others)) + " (x-acs-product, x-acs-version)";
      throw new UnreadablePageException(metadata.source(), "the API metadata of the spec's product and version",
          List.of(why));
    }
    List<Finding> findings = new ArrayList<>();
    boolean prefix = compared.size() > 1;
    for (SpecContract.Operation op : compared) {
      String scope = prefix ? op.action() + ":" : "";
      Optional<com.fasterxml.jackson.databind.JsonNode> api = metadata.api(op.action());
      if (api.isEmpty()) {
        findings.add(new Finding(Finding.Kind.MISSING_OPERATION, scope + "request",
            "the metadata of " + metadata.product() + " " + metadata.version() + " has no operation "
                + op.action() + " (it describes " + metadata.operationCount() + ")", 0,
            Finding.NOT_LISTED, op.method() + " " + op.path()));
        continue;
      }
      compare(MetadataOperation.read(metadata, op.action(), api.get()), op, scope, findings);
    }
    return DriftReport.of(metadata, spec.source(), findings);
  }

  private void compare(MetadataOperation m, SpecContract.Operation op, String scope, List<Finding> out) {
    if (!m.path().equals(op.path())) {
      out.add(new Finding(Finding.Kind.PATH_CHANGED, scope + "request",
          "the metadata's path is " + m.path() + "; the spec's is " + op.path(), 0, m.path(), op.path()));
    }
    if (!m.methods().contains(op.method())) {
      String methods = String.join(", ", m.methods());
      out.add(new Finding(Finding.Kind.METHOD_CHANGED, scope + "request",
          "the metadata's method is " + methods + "; the spec's is " + op.method(), 0, methods, op.method()));
    }
    compareParameters(m, op, scope, out);
    compareProperties(m.properties(), op.properties(), scope, out);
    if (m.exampleProblem() != null) {
      out.add(new Finding(Finding.Kind.EXAMPLE, scope + "/", m.exampleProblem(), 0, "the response example", ""));
    } else if (m.example() != null) {
      for (ExampleFinding f : checker.check(op, m.example())) {
        out.add(new Finding(Finding.Kind.EXAMPLE, scope + (f.pointer().isEmpty() ? "/" : f.pointer()),
            "the response example: " + f.message(), 0, "the response example", ""));
      }
    }
  }

  private static void compareParameters(MetadataOperation m, SpecContract.Operation op, String scope,
      List<Finding> out) {
    Set<String> listed = new HashSet<>();
    boolean body = false;
    for (MetadataOperation.Parameter p : m.parameters()) {
      String location = scope + "parameters/" + p.name();
      String described = p.in() + ", " + type(p.type(), p.format()) + (p.required() ? ", required" : "");
      if (p.in().equals("body") || p.in().equals("formData")) {
        body = true;
        if (op.spec().requestBodySchemaPointer() == null) {
          out.add(new Finding(Finding.Kind.UNDECLARED_PARAMETER, location, "the metadata lists " + p.in()
              + " parameter '" + p.name() + "'; the spec declares no request body", 0, described, Finding.NOT_DECLARED));
        }
        continue;
      }
      listed.add(p.name());
      Optional<SpecContract.Parameter> declared =
          op.parameters().stream().filter(s -> s.name().equals(p.name())).findFirst();
      if (declared.isEmpty()) {
        out.add(new Finding(Finding.Kind.UNDECLARED_PARAMETER, location, "the metadata lists " + p.in()
            + " parameter '" + p.name() + "' (" + type(p.type(), p.format()) + (p.required() ? ", required" : "")
            + "); the spec does not declare it", 0, described, Finding.NOT_DECLARED));
        continue;
      }
      SpecContract.Parameter s = declared.get();
      String specified = s.in() + ", " + type(s.type(), s.format()) + (s.required() ? ", required" : "");
      if (!p.in().equals(s.in())) {
        out.add(new Finding(Finding.Kind.PARAMETER_CHANGED, location, "the metadata sends it in " + p.in()
            + "; the spec in " + s.in(), 0, described, specified));
      }
      if (!sameType(p.type(), s.type()) || !Objects.equals(p.format(), s.format())) {
        out.add(new Finding(Finding.Kind.PARAMETER_CHANGED, location, "the metadata's type is "
            + type(p.type(), p.format()) + "; the spec's is " + type(s.type(), s.format()), 0, described, specified));
      }
      // A path parameter is required whatever the metadata's flag says (it marks some optional).
      if (!"path".equals(s.in()) && p.required() != s.required()) {
        out.add(new Finding(Finding.Kind.PARAMETER_CHANGED, location, "the metadata says it is "
            + (p.required() ? "required" : "optional") + "; the spec says " + (s.required() ? "required" : "optional"),
            0, described, specified));
      }
    }
    for (SpecContract.Parameter s : op.parameters()) {
      if (!listed.contains(s.name()) && !"header".equals(s.in()) && !"cookie".equals(s.in())) {
        out.add(new Finding(Finding.Kind.MISSING_PARAMETER, scope + "parameters/" + s.name(),
            "the spec declares " + s.in() + " parameter '" + s.name() + "' (" + type(s.type(), s.format())
                + "); the metadata does not list it", 0, Finding.NOT_LISTED, s.in() + ", " + type(s.type(), s.format())));
      }
    }
    if (!body && op.spec().requestBodySchemaPointer() != null) {
      out.add(new Finding(Finding.Kind.MISSING_PARAMETER, scope + "parameters/(body)",
          "the spec declares a request body; the metadata lists no body parameter", 0, Finding.NOT_LISTED, "request body"));
    }
  }

  private static void compareProperties(Map<String, SpecProperty> documented, Map<String, SpecProperty> spec,
      String scope, List<Finding> out) {
    Set<String> undeclared = new HashSet<>();
    for (SpecProperty m : documented.values()) {
      SpecProperty s = spec.get(m.location());
      String location = scope + m.location();
      if (s == null) {
        if (!undeclared.contains(DocDiff.parent(m.location()))) {
          out.add(new Finding(Finding.Kind.UNDECLARED_ELEMENT, location, "the metadata describes '"
              + name(m.location()) + "' (" + m.typeAndFormat() + "); the spec does not declare it", 0,
              m.typeAndFormat(), Finding.NOT_DECLARED));
        }
        undeclared.add(m.location());
        continue;
      }
      // A format is compared where the metadata states one (it often leaves strings without).
      boolean typeDiffers = !sameType(m.type(), s.type()) || !sameType(m.items(), s.items());
      boolean formatDiffers = (m.format() != null && !m.format().equals(s.format()))
          || (m.itemsFormat() != null && !m.itemsFormat().equals(s.itemsFormat()));
      if (typeDiffers || formatDiffers) {
        out.add(new Finding(Finding.Kind.TYPE_MISMATCH, location, "the metadata's type is " + m.typeAndFormat()
            + "; the spec's is " + s.typeAndFormat(), 0, m.typeAndFormat(), s.typeAndFormat()));
      }
      // Only where both restrict the values, as for a page: an enum the spec does not state is a
      // decision recorded in the spec, and metadata without one says nothing about the values.
      if (m.enumValues().isEmpty() || s.enumValues().isEmpty()) {
        continue;
      }
      List<String> added = m.enumValues().stream().filter(v -> !s.enumValues().contains(v)).toList();
      List<String> dropped = s.enumValues().stream().filter(v -> !m.enumValues().contains(v)).toList();
      String mValues = String.join(", ", m.enumValues());
      String sValues = String.join(", ", s.enumValues());
      if (!added.isEmpty()) {
        out.add(new Finding(Finding.Kind.ENUM_VALUES, location, "the metadata's enum has " + DocDiff.quoted(added)
            + "; the spec's enum lacks " + (added.size() == 1 ? "it" : "them"), 0, mValues, sValues));
      }
      if (!dropped.isEmpty()) {
        out.add(new Finding(Finding.Kind.ENUM_VALUES, location, "the spec's enum has " + DocDiff.quoted(dropped)
            + "; the metadata's enum lacks " + (dropped.size() == 1 ? "it" : "them"), 0, mValues, sValues));
      }
    }
    Set<String> missing = new HashSet<>();
    for (SpecProperty s : spec.values()) {
      if (documented.containsKey(s.location())) {
        continue;
      }
      if (!missing.contains(DocDiff.parent(s.location()))) {
        out.add(new Finding(Finding.Kind.MISSING_ELEMENT, scope + s.location(), "the spec declares it ("
            + s.typeAndFormat() + "); the metadata does not describe it", 0, Finding.NOT_LISTED, s.typeAndFormat()));
      }
      missing.add(s.location());
    }
  }

  private static boolean sameType(String a, String b) {
    return a == null || b == null || "any".equals(a) || "any".equals(b) ? Objects.equals(a, b) || "any".equals(a)
        || "any".equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private static String type(String type, String format) {
    return type + (format == null ? "" : "/" + format);
  }

  private static String name(String location) {
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
