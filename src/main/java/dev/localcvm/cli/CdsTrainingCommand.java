package dev.localcvm.cli;

import dev.localcvm.bench.CdsTraining;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code localcvm cds-training}: hidden; the launcher runs it once after a build, under
 * {@code -XX:ArchiveClassesAtExit}, to write the class-data-sharing archive later starts use.
 */
@Command(name = "cds-training", hidden = true, mixinStandardHelpOptions = true,
        versionProvider = dev.localcvm.Main.Version.class,
        description = "Starts a throw-away server, makes a few calls and stops (for the launcher's class-data archive).")
public final class CdsTrainingCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        CdsTraining.run();
        return 0;
    }
}
