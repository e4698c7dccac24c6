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

    @Test
    void theClassDataArchiveIsTheLaunchersOneAndUsedOnlyWhenItExists(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        List<String> lines = Files.readAllLines(Path.of("localcvm"));
        assertThat(lines).contains("archive=\"$here/target/localcvm.jsa\"");
        String line = lines.stream().map(String::trim).filter(l -> l.startsWith("cds=(-")).findFirst().orElseThrow();
        List<String> script = List.of(line.substring("cds=(".length(), line.lastIndexOf(')')).trim().split("\\s+"));
        Path jar = Files.createFile(dir.resolve("localcvm.jar"));
        assertThat(ChildJvm.classDataOptions(jar)).as("no archive yet").isEmpty();
        Path archive = Files.createFile(dir.resolve("localcvm.jsa"));
        assertThat(ChildJvm.classDataOptions(jar)).isEqualTo(script.stream()
                .map(o -> o.replace("\"$archive\"", archive.toString())).toList());
        assertThat(ChildJvm.classDataOptions(dir.resolve("classes"))).as("run from classes").isEmpty();
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(ChildJvm.classDataOptions(jar)).as("an archive of an earlier build").isEmpty();
    }
}
