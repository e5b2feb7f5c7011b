package io.raycluster.contract.conformance.report;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Outcome;
import java.util.List;

/** Counts over a run: responses by verdict, files read, HAR entries skipped. */
public record Summary(int files, int valid, int invalid, int unreadable, int skipped) {
  public static Summary of(List<FileOutcome> results) {
    Counter c = new Counter();
    results.forEach(c::add);
    return c.summary();
  }

  /** Counts a run as its files come. */
  public static final class Counter {
    private int files;
    private int valid;
    private int invalid;
    private int unreadable;
    private int skipped;

    public void add(FileOutcome f) {
      files++;
      skipped += f.skipped();
      for (Outcome o : f.outcomes()) {
        switch (o.verdict()) {
          case VALID -> valid++;
          case INVALID -> invalid++;
          case UNREADABLE -> unreadable++;
        }
      }
    }

    public Summary summary() {
      return new Summary(files, valid, invalid, unreadable, skipped);
    }
  }

  public int total() {
    return valid + invalid + unreadable;
  }

  /** Everything read was valid (a run over nothing is not a success). */
  public boolean allValid() {
    return invalid == 0 && unreadable == 0;
  }

  /** {@code 12 responses in 10 files: 10 valid, 1 invalid, 1 unreadable; 3 HAR entries skipped}. */
  public String line() {
    return total() + (total() == 1 ? " response" : " responses") + " in " + files
        + (files == 1 ? " file: " : " files: ") + valid + " valid, " + invalid + " invalid, "
        + unreadable + " unreadable" + (skipped == 0 ? ""
            : skipped == 1 ? "; 1 HAR entry skipped (not a call of an operation of the spec)"
            : "; " + skipped + " HAR entries skipped (not calls of operations of the spec)");
  }
}
