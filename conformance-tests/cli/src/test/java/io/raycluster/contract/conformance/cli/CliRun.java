package io.raycluster.contract.conformance.cli;

/** One in-process run of the tool: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    return withStdin("", args);
  }

  static CliRun withStdin(String stdin, String... args) {
    CliHarness cli = new CliHarness();
    int exit = cli.run(stdin, false, args);
    return new CliRun(exit, cli.out(), cli.err());
  }

  /** Standard output and standard error, for assertion messages. */
  String all() {
    return out + err;
  }
}
