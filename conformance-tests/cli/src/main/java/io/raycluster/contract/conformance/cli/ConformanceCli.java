package io.raycluster.contract.conformance.cli;

import io.raycluster.contract.client.PrintableText;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import io.raycluster.contract.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code raycluster-conformance}: the top command. Each job is a subcommand class; to add one
 * (e.g. {@code replay}), write a {@code @Command} class with a {@code @ParentCommand
 * ConformanceCli parent} field for the streams, and add it to {@link #SUBCOMMANDS} below.
 *
 * <p>Exit codes: 0 all good, 1 something was invalid or unreadable (or failed), 2 usage error.
 */
@Command(
    name = "raycluster-conformance",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Checks API responses (JSON bodies, HAR recordings, pacts) and reference pages against an OpenAPI contract: the bundled GetRayCluster spec, or --spec FILE.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything checked was valid",
      "1:something was invalid or unreadable",
      "2:usage error (unknown option, missing path)"
    })
public final class ConformanceCli implements Runnable {
  /**
   * The subcommands by name, in the order help lists them. A run that names one of them first
   * registers only that one: picocli reads every registered command's annotations by reflection
   * before parsing, and {@code validate} need not load (or pay for) {@code get}'s client,
   * {@code replay}'s server or {@code diff-doc}'s parser. Anything else (no command, an option
   * first, {@code help}, a misspelt name) registers them all, so help and suggestions are whole.
   */
  private static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands(ValidateCommand.class,
      GetCommand.class, ReplayCommand.class, ValidatePactCommand.class, DiffDocCommand.class);

  private static java.util.Map<String, Class<?>> subcommands(Class<?>... commands) {
    java.util.Map<String, Class<?>> byName = new java.util.LinkedHashMap<>();
    for (Class<?> c : commands) {
      byName.put(c.getAnnotation(Command.class).name(), c);
    }
    return java.util.Collections.unmodifiableMap(byName);
  }

  @Spec CommandSpec spec;

  final InputStream in;
  final PrintStream out;
  final PrintStream err;
  final boolean terminal;

  ConformanceCli(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try 'validate'.");
  }

  public static void main(String[] args) {
    int code = execute(System.in, System.out, System.err, System.console() != null, args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs the tool with these streams; returns the exit code (used by tests and embedders). */
  public static int execute(InputStream in, PrintStream out, PrintStream err, boolean terminal, String... args) {
    CommandLine cli = commandLine(in, out, err, terminal, args.length == 0 ? null : args[0]);
    int code = cli.execute(args);
    out.flush();
    if (out.checkError() && code < 2) {
      // PrintStream keeps write errors to itself: a run whose output was lost must not say 0.
      err.println("raycluster-conformance: cannot write to standard output (a closed pipe or a full disk?)");
      return 2;
    }
    return code;
  }

  /** The command line with every subcommand. */
  static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err, boolean terminal) {
    return commandLine(in, out, err, terminal, null);
  }

  /** The command line, with only the subcommand {@code first} names when it names one. */
  static CommandLine commandLine(InputStream in, PrintStream out, PrintStream err, boolean terminal, String first) {
    CommandLine cli = new CommandLine(new ConformanceCli(in, out, err, terminal));
    Class<?> only = first == null ? null : SUBCOMMANDS.get(first);
    if (only != null) {
      cli.addSubcommand(only);
    } else {
      SUBCOMMANDS.values().forEach(cli::addSubcommand);
      cli.addSubcommand(CommandLine.HelpCommand.class);
    }
    cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((thrown, commandLine, parseResult) -> {
      Throwable e = thrown;
      while ((e instanceof java.util.concurrent.CompletionException
          || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
        e = e.getCause();
      }
      if (e instanceof SpecException) {
        // A --spec the engine cannot use: said with the file and the pointer, a usage error.
        commandLine.getErr().println("raycluster-conformance " + commandLine.getCommandName() + ": --spec "
            + PrintableText.escape(e.getMessage()));
        return 2;
      }
      if (e instanceof UsageException || e instanceof IllegalArgumentException) {
        // A value the command could not use (an endpoint that is not a URL, an empty id, a port
        // out of range): a usage error, said in words.
        commandLine.getErr().println("raycluster-conformance " + commandLine.getCommandName() + ": "
            + PrintableText.escape(e.getMessage()));
        return 2;
      }
      commandLine.getErr().println("raycluster-conformance: failed: " + PrintableText.escape(String.valueOf(e)));
      return 1;
    });
    return cli;
  }
}
