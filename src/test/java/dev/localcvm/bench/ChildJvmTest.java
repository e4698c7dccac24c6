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

    /** The launcher's gate, run by bash on release files of several JDKs, against {@link ChildJvm#trimOptions}. */
    @Test
    void theLauncherTrimsTheNativeHeapOnTheSameJdksAsTheBench(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("localcvm"));
        int from = lines.indexOf("trim=()");
        int to = lines.subList(from, lines.size()).indexOf("fi") + from;
        String gate = String.join("\n", lines.subList(from, to + 1));
        String line = lines.stream().map(String::trim).filter(l -> l.startsWith("trim=(-")).findFirst().orElseThrow();
        List<String> script = List.of(line.substring("trim=(".length(), line.lastIndexOf(')')).trim().split("\\s+"));
        assertThat(script).isEqualTo(ChildJvm.TRIM_OPTIONS);
        for (String v : List.of("11.0.20", "17", "17.0.8", "17.0.9", "17.0.15", "19.0.2", "20", "21", "21.0.5", "25")) {
            Path jdk = Files.createDirectories(dir.resolve(v).resolve("bin"));
            Files.writeString(jdk.getParent().resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + v + "\"\n");
            Path launcher = Files.writeString(jdk.resolve("java"), "#!/bin/sh\n");
            launcher.toFile().setExecutable(true);
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -euo pipefail\n" + gate + "\necho \"${trim[*]:-}\"")
                    .redirectErrorStream(true);
            pb.environment().put("PATH", jdk + java.io.File.pathSeparator + System.getenv("PATH"));
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            assertThat(p.waitFor()).isZero();
            assertThat(out).as("JDK " + v).isEqualTo(String.join(" ", ChildJvm.trimOptions(Runtime.Version.parse(v))));
        }
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
