package io.headwater.cli;

import picocli.CommandLine.Command;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "Runs: compare them side by side.", subcommands = RunsCompareCommand.class)
final class RunsCommand {
}
