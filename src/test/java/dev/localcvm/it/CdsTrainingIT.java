package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.bench.CdsTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher's throw-away start (`localcvm cds-training`): every call it makes must succeed (a failing one would
 * leave the launcher without its class-data archive), and it must leave no store behind.
 */
class CdsTrainingIT {
    @Test
    void itsCallsSucceedAndItsStoreIsRemoved() throws Exception {
        List<Path> before = trainingDirectories();
        CdsTraining.run();
        assertThat(trainingDirectories()).containsExactlyInAnyOrderElementsOf(before);
    }

    private static List<Path> trainingDirectories() throws Exception {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("localcvm-cds")).toList();
        }
    }
}
