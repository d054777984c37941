package io.headwater.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "Runs: compare them side by side.", subcommands = RunsCompareCommand.class)
final class RunsCommand {

    @ParentCommand
    HeadwaterCli top;
}
