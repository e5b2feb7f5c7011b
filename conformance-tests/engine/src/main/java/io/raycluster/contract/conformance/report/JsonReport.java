package io.raycluster.contract.conformance.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code {"files": [{"path", "entry", "verdict", "errors": [{"pointer", "keyword", "message"}]}],
 * "summary": {"valid", "invalid", "unreadable", "skipped"}}}.
 */
final class JsonReport {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReport() {}

  static void write(List<FileOutcome> results, Summary summary, PrintWriter out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("files");
      for (FileOutcome file : results) {
        for (Outcome o : file.outcomes()) {
          g.writeStartObject();
          g.writeStringField("path", o.path());
          if (o.entry() == null) {
            g.writeNullField("entry");
          } else {
            g.writeNumberField("entry", o.entry());
          }
          g.writeStringField("verdict", o.verdict().label());
          g.writeArrayFieldStart("errors");
          for (Finding f : o.findings()) {
            g.writeStartObject();
            g.writeStringField("pointer", f.pointer());
            g.writeStringField("keyword", f.keyword());
            g.writeStringField("message", f.message());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("valid", summary.valid());
      g.writeNumberField("invalid", summary.invalid());
      g.writeNumberField("unreadable", summary.unreadable());
      g.writeNumberField("skipped", summary.skipped());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }
}
