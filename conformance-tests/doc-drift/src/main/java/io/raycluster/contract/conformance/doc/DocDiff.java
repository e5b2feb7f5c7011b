package io.raycluster.contract.conformance.doc;

import io.raycluster.contract.conformance.ResponseValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a saved reference page with the spec: the request line, the parameters, the response
 * table's element names, types and valid values, and (through an {@link ExampleChecker}, by
 * default the conformance engine in strict mode) the JSON example.
 *
 * <pre>{@code
 * DriftReport report = DocDiff.against(SpecContract.load())
 *     .diff(ReferencePageParser.parse(Path.of("page.txt")));
 * }</pre>
 */
public final class DocDiff {
  private final SpecContract spec;
  private final ExampleChecker checker;

  private DocDiff(SpecContract spec, ExampleChecker checker) {
    this.spec = spec;
    this.checker = checker;
  }

  /** A diff whose example check is the conformance engine (strict) over the same spec. */
  public static DocDiff against(SpecContract spec) {
    return new DocDiff(spec, new EngineExampleChecker(ResponseValidator.forSpec(spec.spec())));
  }

  /** A diff that checks the JSON example with {@code checker}. */
  public static DocDiff against(SpecContract spec, ExampleChecker checker) {
    return new DocDiff(spec, checker);
  }

  /** Compares what {@link VendorDocuments#read} read: a page, or the vendor's API metadata. */
  public DriftReport diff(VendorDocument document) throws UnreadablePageException {
    return document instanceof ApiMetadata metadata ? diff(metadata) : diff((ReferencePage) document);
  }

  /**
   * Compares the vendor's API metadata with the spec (see {@link MetadataDiff}); metadata of
   * another product or version, or an operation in it that cannot be read, is unreadable.
   */
  public DriftReport diff(ApiMetadata metadata) throws UnreadablePageException {
    return new MetadataDiff(spec, checker).diff(metadata);
  }

  public DriftReport diff(ReferencePage page) {
    List<Finding> findings = new ArrayList<>();
    Optional<SpecContract.Operation> found = spec.operationFor(page.method(), page.path(), page.action());
    if (found.isEmpty()) {
      findings.add(new Finding(Finding.Kind.PATH_CHANGED, "request",
          "the spec has no operation " + page.method() + " " + page.path(), page.requestLine(),
          page.method() + " " + page.path(), "no such operation"));
      return DriftReport.of(page, spec.source(), findings);
    }
    SpecContract.Operation op = found.get();
    compareRequest(page, op, findings);
    compareParameters(page, op, findings);
    compareTable(page, op.properties(), findings);
    for (ExampleFinding f : checker.check(op, page.example())) {
      findings.add(new Finding(Finding.Kind.EXAMPLE, f.pointer().isEmpty() ? "/" : f.pointer(),
          "the JSON example: " + f.message(), page.exampleLine(), "the JSON example", ""));
    }
    return DriftReport.of(page, spec.source(), findings);
  }

  private static void compareRequest(ReferencePage page, SpecContract.Operation op, List<Finding> out) {
    if (!op.path().equals(page.path())) {
      out.add(new Finding(Finding.Kind.PATH_CHANGED, "request",
          "the page's path is " + page.path() + "; the spec's is " + op.path(), page.requestLine(),
          page.path(), op.path()));
    }
    if (!op.method().equals(page.method())) {
      out.add(new Finding(Finding.Kind.METHOD_CHANGED, "request",
          "the page's method is " + page.method() + "; the spec's is " + op.method(), page.requestLine(),
          page.method(), op.method()));
    }
  }

  /**
   * Parameters are matched by name. Whether a path parameter is required is not compared: the
   * vendor's page marks path parameters as optional, which a path segment cannot be.
   */
  private static void compareParameters(ReferencePage page, SpecContract.Operation op, List<Finding> out) {
    if (page.parameters() == null) {
      return;
    }
    Set<String> listed = new HashSet<>();
    for (PageParameter p : page.parameters()) {
      listed.add(p.name());
      String location = "parameters/" + p.name();
      Optional<SpecContract.Parameter> declared =
          op.parameters().stream().filter(s -> s.name().equals(p.name())).findFirst();
      if (declared.isEmpty()) {
        out.add(new Finding(Finding.Kind.UNDECLARED_PARAMETER, location,
            "the page lists parameter '" + p.name() + "' (" + p.type() + (p.required() ? ", required" : "")
                + "); the spec does not declare it", p.line(),
            p.type() + (p.required() ? ", required" : ""), Finding.NOT_DECLARED));
        continue;
      }
      SpecContract.Parameter s = declared.get();
      PageType type = PageType.parse(p.type()).orElseThrow();
      if (!"any".equals(type.json()) && !"any".equals(s.type()) && !type.json().equals(s.type())) {
        out.add(new Finding(Finding.Kind.PARAMETER_CHANGED, location,
            "the page's type is " + type + "; the spec's is " + s.type(), p.line(), type.toString(), s.type()));
      }
      if (!"path".equals(s.in()) && p.required() != s.required()) {
        out.add(new Finding(Finding.Kind.PARAMETER_CHANGED, location,
            "the page says it is " + (p.required() ? "required" : "optional") + "; the spec says "
                + (s.required() ? "required" : "optional"), p.line(),
            p.required() ? "required" : "optional", s.required() ? "required" : "optional"));
      }
    }
    for (SpecContract.Parameter s : op.parameters()) {
      if (!listed.contains(s.name()) && !"header".equals(s.in()) && !"cookie".equals(s.in())) {
        out.add(new Finding(Finding.Kind.MISSING_PARAMETER, "parameters/" + s.name(),
            "the spec declares " + s.in() + " parameter '" + s.name() + "' (" + s.type()
                + "); the page no longer lists it", 0, Finding.NOT_LISTED, s.in() + " parameter, " + s.type()));
      }
    }
  }

  private static void compareTable(ReferencePage page, Map<String, SpecProperty> spec, List<Finding> out) {
    List<PlacedElement> placed = ElementPlacer.place(page.elements(), page.example(), spec);
    Set<String> listed = new HashSet<>();
    Set<String> undeclared = new HashSet<>();
    for (PlacedElement element : placed) {
      listed.add(element.location());
      SpecProperty property = spec.get(element.location());
      if (property == null) {
        if (!undeclared.contains(parent(element.location()))) {
          out.add(new Finding(Finding.Kind.UNDECLARED_ELEMENT, element.location(),
              "the page lists '" + element.name() + "' (" + element.type() + "); the spec does not declare it",
              element.line(), element.type().toString(), Finding.NOT_DECLARED));
        }
        undeclared.add(element.location());
        continue;
      }
      if (!sameType(element.type(), property)) {
        out.add(new Finding(Finding.Kind.TYPE_MISMATCH, element.location(),
            "the page's type is " + element.type() + "; the spec's is " + property.typeName(),
            element.line(), element.type().toString(), property.typeName()));
      }
      // Only where the spec restricts the values: a list on a free-text field is documentation.
      if (!element.values().isEmpty() && !property.enumValues().isEmpty()) {
        List<String> added = element.values().stream()
            .filter(v -> !property.enumValues().contains(v)).toList();
        List<String> dropped = property.enumValues().stream()
            .filter(v -> !element.values().contains(v)).toList();
        if (!added.isEmpty()) {
          out.add(new Finding(Finding.Kind.ENUM_VALUES, element.location(),
              "the page lists " + quoted(added) + "; the spec's enum lacks "
                  + (added.size() == 1 ? "it" : "them"), element.line(),
              String.join(", ", element.values()), String.join(", ", property.enumValues())));
        }
        if (!dropped.isEmpty()) {
          out.add(new Finding(Finding.Kind.ENUM_VALUES, element.location(),
              "the spec's enum has " + quoted(dropped) + "; the page no longer lists "
                  + (dropped.size() == 1 ? "it" : "them"), element.line(),
              String.join(", ", element.values()), String.join(", ", property.enumValues())));
        }
      }
    }
    Set<String> missing = new HashSet<>();
    for (SpecProperty property : spec.values()) {
      if (listed.contains(property.location())) {
        continue;
      }
      if (!missing.contains(parent(property.location()))) {
        out.add(new Finding(Finding.Kind.MISSING_ELEMENT, property.location(),
            "the spec declares it (" + property.typeName() + "); the page no longer lists it", 0,
            Finding.NOT_LISTED, property.typeName()));
      }
      missing.add(property.location());
    }
  }

  static String quoted(List<String> values) {
    return "'" + String.join("', '", values) + "'";
  }

  /** The object or array a location sits in: {@code /instances} for {@code /instances/*}{@code /type}. */
  static String parent(String location) {
    String parent = location.substring(0, location.lastIndexOf('/'));
    return parent.endsWith("/*") ? parent.substring(0, parent.length() - 2) : parent;
  }

  private static boolean sameType(PageType page, SpecProperty spec) {
    if ("any".equals(page.json()) || "any".equals(spec.type())) {
      return true;
    }
    if (!page.json().equals(spec.type())) {
      return false;
    }
    return page.items() == null || spec.items() == null || "any".equals(spec.items())
        || page.items().equals(spec.items());
  }
}
