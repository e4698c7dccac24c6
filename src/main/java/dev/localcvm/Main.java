package dev.localcvm;

import dev.localcvm.cli.BenchCommand;
import dev.localcvm.cli.ServeCommand;
import dev.localcvm.server.LocalCvmServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code localcvm} command line. */
@Command(name = "localcvm", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A local Tencent Cloud CVM API 3.0 (2017-03-12) for testing code that creates and destroys instances.",
        subcommands = {ServeCommand.class, BenchCommand.class, dev.localcvm.cli.BenchEndpointCommand.class,
                dev.localcvm.cli.CdsTrainingCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"localcvm " + LocalCvmServer.version()};
        }
    }
}
