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

/**
 * {@code {"files": [{"path", "entry", "verdict", "errors": [{"pointer", "keyword", "message"}]}],
 * "summary": {"valid", "invalid", "unreadable", "skipped"}}}, written as the files come.
 */
final class JsonReport implements ReportWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private final PrintWriter out;
  private final JsonGenerator g;

  JsonReport(PrintWriter out) {
    this.out = out;
    try {
      g = FACTORY.createGenerator(out);
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("files");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void add(FileOutcome file) {
    try {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() {
    try {
      g.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish(Summary summary) {
    try {
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("valid", summary.valid());
      g.writeNumberField("invalid", summary.invalid());
      g.writeNumberField("unreadable", summary.unreadable());
      g.writeNumberField("skipped", summary.skipped());
      g.writeEndObject();
      g.writeEndObject();
      g.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
