package dev.localcvm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench starts its servers with the launcher's JVM options: the script and the constant must not drift. */
class ChildJvmTest {
    @Test
    void theLauncherScriptGivesTheSameDefaultOptions() throws Exception {
        String line = Files.readAllLines(Path.of("localcvm")).stream().filter(l -> l.startsWith("defaults=("))
                .findFirst().orElseThrow();
        List<String> script = List.of(line.substring("defaults=(".length(), line.lastIndexOf(')')).trim().split("\\s+"));
        assertThat(script).isEqualTo(ChildJvm.LAUNCHER_OPTIONS);
    }
}
