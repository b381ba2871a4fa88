package io.computecase.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The `computecase-local` command line: the embedded stack, its demo and its benchmarks. */
@Command(
    name = "computecase-local",
    mixinStandardHelpOptions = true,
    version = "computecase-local 0.1.0",
    description =
        "ComputeCase on one machine: local Step Functions, EventBridge, SQS and Kubernetes API.",
    subcommands = {
      DemoCommand.class,
      BenchCommand.class,
      BenchEngineCommand.class,
      ServeAwsCommand.class,
      UpCommand.class,
      ResultsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ComputeCaseLocal {
  @Option(
      names = CommandLogging.VERBOSE,
      scope = ScopeType.INHERIT,
      description =
          "Print the operator's, the engines' and the libraries' log lines on stderr instead of"
              + " the log file.")
  boolean verbose;

  /** Bad options and inputs are the user's to fix: say what and how, without a stack trace. */
  static final CommandLine.IExecutionExceptionHandler USER_ERRORS =
      (e, cmd, parsed) -> {
        if (e instanceof IllegalArgumentException) {
          cmd.getErr().println("error: " + e.getMessage());
          return CommandLine.ExitCode.USAGE;
        }
        throw e;
      };

  public static void main(String[] args) {
    var tuned = JvmTuning.relaunchCommand(ComputeCaseLocal.class.getName(), args);
    if (tuned.isPresent()) {
      System.exit(JvmTuning.run(tuned.get()));
    }
    CommandLogging.configure(args)
        .ifPresent(
            file ->
                System.err.println(
                    "Logs: " + file + " (" + CommandLogging.VERBOSE + " prints them here)"));
    CommandLine commandLine = new CommandLine(new ComputeCaseLocal());
    commandLine.setExecutionExceptionHandler(USER_ERRORS);
    System.exit(commandLine.execute(args));
  }
}
