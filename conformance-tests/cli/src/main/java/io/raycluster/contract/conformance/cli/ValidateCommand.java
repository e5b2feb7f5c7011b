package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.conformance.FileOutcome;
import io.raycluster.contract.conformance.Finding;
import io.raycluster.contract.conformance.Outcome;
import io.raycluster.contract.conformance.Verdict;
import io.raycluster.contract.conformance.Limits;
import io.raycluster.contract.conformance.Mode;
import io.raycluster.contract.conformance.RecordingFiles;
import io.raycluster.contract.conformance.RecordingValidator;
import io.raycluster.contract.conformance.ResponseValidator;
import io.raycluster.contract.spec.ApiSpec;
import io.raycluster.contract.spec.SpecOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code validate [--spec FILE] [--operation ID] [--strict] [--format text|json|junit|markdown|html] [--output FILE] PATH...}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Validates recorded responses against the spec's schemas (the bundled GetRayCluster spec, or --spec).",
      "A .json file is one response body, taken as HTTP 200 of the --operation (default: the spec's "
          + "only GET operation with a JSON 200 response). A .har file (HAR 1.2) is validated entry "
          + "by entry: each entry whose method and path are an operation of the spec, against that "
          + "operation's schema for its own status (2xx the resource, 4xx/5xx the vendor error); "
          + "other entries are skipped and counted. Directories are searched recursively for "
          + "*.json and *.har."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every response was valid",
      "1:at least one response was invalid or unreadable, or none was checked (see --allow-empty)",
      "2:usage error (unknown option, a path that does not exist, a directory without recordings, "
          + "a --spec that cannot be used, a bare body whose operation is not known)"
    })
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand ConformanceCli parent;
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin SpecOption specOption;

  @Option(names = "--operation", paramLabel = "ID",
      description = "The operationId a bare JSON body answers (default: the spec's only GET operation "
          + "with a JSON 200 response; required when the spec has none or several).")
  String operation;

  @Option(names = "--strict",
      description = "Also report every property the spec does not declare, at any depth (drift).")
  boolean strict;

  @Mixin ReportOutput report;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "64MiB",
      converter = SizeConverter.class,
      description = "Largest file read; larger files are reported unreadable. Units B, KiB, MiB, GiB "
          + "(default: ${DEFAULT-VALUE}). Deeper nesting than 1000 levels and strings over 16 Mi "
          + "characters are reported too.")
  long maxFileSize;

  @Option(names = "--allow-empty",
      description = "Exit 0 even when no response was checked (a HAR whose entries are all other "
          + "calls). Without it such a run exits 1: it proves nothing.")
  boolean allowEmpty;

  @Option(names = "--no-progress", negatable = true, defaultValue = "true",
      description = "Show progress on standard error when it is a terminal (default: on).")
  boolean progress;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Files, directories, or - for standard input.")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    // List the paths on a thread of their own while this one reads the spec and compiles its
    // schemas: on a cold JVM each takes a good part of a second for a large folder. Errors keep
    // their order: a bad --spec is reported before a bad path, as when the two ran in turn.
    java.util.concurrent.CompletableFuture<List<Input>> listing = new java.util.concurrent.CompletableFuture<>();
    Thread lister = new Thread(() -> {
      try {
        listing.complete(collect());
      } catch (Throwable e) {
        listing.completeExceptionally(e);
      }
    }, "validate-listing");
    lister.setDaemon(true);
    lister.start();
    ApiSpec apiSpec = specOption.load();
    SpecOperation bodyOperation = operation == null ? apiSpec.soleJsonGetOperation().orElse(null)
        : SpecOption.operation(apiSpec, operation);
    ResponseValidator engine = ResponseValidator.builder()
        .spec(apiSpec).limits(Limits.defaults().withMaxBytes(maxFileSize)).build();
    List<Input> inputs = listed(listing);
    RecordingValidator validator =
        new RecordingValidator(engine, strict ? Mode.STRICT : Mode.LENIENT, bodyOperation);

    ReportOutput.Session session = report.open(parent.out);
    AtomicInteger done = new AtomicInteger();
    long unknownOperation = 0;
    long skipped = 0;
    try (Progress p = Progress.start(parent.err, parent.terminal && progress && inputs.size() >= 50,
        inputs.size(), done);
        InFlight inFlight = new InFlight(Runtime.getRuntime().availableProcessors(),
            Math.max(maxFileSize, Runtime.getRuntime().maxMemory() / 8))) {
      // Files are validated a few at a time (small ones in batches), each written to the report
      // once the ones before it are: memory holds the files in flight, never the whole run.
      java.util.ArrayDeque<java.util.concurrent.Future<List<FileOutcome>>> pending = new java.util.ArrayDeque<>();
      int batchFiles = inFlight.batchFiles(inputs.size());
      int next = 0;
      while (next < inputs.size() || !pending.isEmpty()) {
        while (next < inputs.size() && pending.size() < inFlight.window()) {
          int from = next;
          next = batchEnd(inputs, from, batchFiles);
          List<Input> batch = inputs.subList(from, next);
          pending.add(inFlight.submit(() -> {
            List<FileOutcome> outcomes = new ArrayList<>(batch.size());
            for (Input input : batch) {
              outcomes.add(inFlight.within(input.size(maxFileSize), () -> validateOne(validator, input)));
              done.incrementAndGet();
            }
            return outcomes;
          }));
        }
        java.util.concurrent.Future<List<FileOutcome>> head = pending.poll();
        if (!head.isDone()) {
          session.flush(); // about to wait: what is written so far reaches the reader now
        }
        for (FileOutcome outcome : InFlight.take(head)) {
          session.add(outcome);
          skipped += outcome.skipped();
          for (Outcome o : outcome.outcomes()) {
            for (Finding f : o.findings()) {
              if (f.keyword().equals("operation")) {
                unknownOperation++;
                break;
              }
            }
          }
        }
      }
    }
    int exit = session.finish();
    if (unknownOperation > 0) {
      // --operation is required once a bare body is met and the spec has no default.
      parent.err.println("raycluster-conformance validate: " + unknownOperation + " bare JSON bod"
          + (unknownOperation == 1 ? "y" : "ies") + " and no operation for " + (unknownOperation == 1 ? "it" : "them")
          + ": pass --operation ID, one of " + apiSpec.operations().stream().map(SpecOperation::operationId).toList());
      return 2;
    }
    long checked = session.summary().total();
    if (checked == 0 && !allowEmpty) {
      parent.err.println("raycluster-conformance validate: no responses checked: " + skipped
          + " HAR entr" + (skipped == 1 ? "y was" : "ies were") + " skipped (none is a call of an "
          + "operation of the spec); pass --allow-empty to accept a run that checks nothing.");
      return Math.max(exit, 1);
    }
    return exit;
  }

  private FileOutcome validateOne(RecordingValidator validator, Input input) {
    try {
      return input.unlistable() != null
          ? unlistable(input)
          : input.stdin()
          ? validator.validateStream(parent.in, "-")
          : validator.validateFile(input.file(), input.display());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A defect (or an exhausted JVM) on one file must not end the run or show a trace.
      return new FileOutcome(input.display(), List.of(new Outcome(input.display(), null, null,
          Verdict.UNREADABLE, List.of(new Finding("", "internal",
              "internal error while validating this file: " + e)))), 0);
    }
  }

  private static FileOutcome unlistable(Input input) {
    return new FileOutcome(input.display(), List.of(new Outcome(input.display(), null, null,
        Verdict.UNREADABLE, List.of(new Finding("", "io",
            "cannot list this folder: " + input.unlistable() + "; its files were not checked")))), 0);
  }

  /** Where the batch of small listed files that starts at {@code from} ends (exclusive). */
  private static int batchEnd(List<Input> inputs, int from, int maxFiles) {
    int end = from + 1;
    long bytes = inputs.get(from).listedSize();
    if (bytes < 0 || bytes >= InFlight.BATCH_BYTES) {
      return end; // a file given by name, standard input, or a large file: alone
    }
    while (end < inputs.size() && end - from < maxFiles) {
      long size = inputs.get(end).listedSize();
      if (size < 0 || bytes + size > InFlight.BATCH_BYTES) {
        break;
      }
      bytes += size;
      end++;
    }
    return end;
  }

  /**
   * A file to read, standard input ({@code file} null), or a folder that could not be listed;
   * {@code listedSize} is the size a folder's listing saw, or -1 (not listed: size unknown).
   */
  private record Input(Path file, String display, String unlistable, long listedSize) {
    Input(Path file, String display) {
      this(file, display, null, -1);
    }

    boolean stdin() {
      return file == null && unlistable == null;
    }

    /** The bytes reading it may take: its size, up to the limit (standard input: the limit). */
    long size(long limit) {
      if (file == null) {
        return unlistable == null ? limit : 0;
      }
      if (listedSize >= 0) {
        return Math.min(listedSize, limit);
      }
      try {
        return Math.min(Files.size(file), limit);
      } catch (IOException e) {
        return 0; // reading it will fail and say why
      }
    }
  }

  /** The listing's result, or what it threw, as {@link #collect()} would have thrown it. */
  private static List<Input> listed(java.util.concurrent.CompletableFuture<List<Input>> listing) throws IOException {
    try {
      return listing.join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Expands the paths: files as given, directories recursively (*.json, *.har, sorted). */
  private List<Input> collect() throws IOException {
    List<Input> inputs = new ArrayList<>();
    boolean stdin = false;
    for (String p : paths) {
      if (p.equals("-")) {
        if (!stdin) {
          inputs.add(new Input(null, "-"));
          stdin = true;
        }
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(spec.commandLine(), Files.isSymbolicLink(path)
            ? "A symbolic link that leads nowhere (dangling, or a loop): " + p
            : "No such file or directory: " + p);
      }
      if (Files.isDirectory(path)) {
        RecordingFiles.Found found;
        try {
          found = RecordingFiles.scan(path, RecordingFiles.RECORDINGS);
        } catch (IOException e) {
          throw new UsageException("cannot list the directory " + p + ": " + RecordingFiles.reason(e));
        }
        if (found.files().isEmpty() && found.unlisted().isEmpty()) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "No *.json or *.har file in directory: " + p);
        }
        for (int i = 0; i < found.files().size(); i++) {
          Path f = found.files().get(i);
          inputs.add(new Input(f, f.toString(), null, found.sizes().get(i)));
        }
        // A folder inside that cannot be listed is one unreadable result; the others are checked.
        found.unlisted().forEach(u -> inputs.add(new Input(null, u.path().toString(), u.reason(), -1)));
      } else {
        inputs.add(new Input(path, p));
      }
    }
    return inputs;
  }
}
