package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import dev.localcvm.testing.CvmFixture;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestServer.Mode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle timers are data in the store: a server stopped with transitions in flight, restarted on the
 * same H2 file later, shows them completed (and destroyed instances gone) without any request naming them.
 */
class TimersSurviveRestartIT {

    private static TestServer serverAt(Path dir, Instant at) {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, StoreConfig.h2File(dir), Duration.ofSeconds(5), false,
                500, null, TestServer.config().secretId(), TestServer.config().secretKey(), true, Duration.ofHours(1),
                false);
        return TestServer.start(config, ServerClock.fixedAt(at));
    }

    @Test
    void transitionsInFlightCompleteAfterARestart(@TempDir Path dir) throws Exception {
        Instant t0 = Instant.now();
        String early;
        String pending;
        String stopping;
        String terminating;
        try (TestServer first = serverAt(dir, t0)) {
            CvmClient cvm = first.cvm(Mode.TC3_POST, CvmFixture.REGION);
            early = CvmFixture.run(cvm, null, r -> { }).get(0);
            stopping = CvmFixture.run(cvm, null, r -> { }).get(0);
            terminating = CvmFixture.run(cvm, null, r -> { }).get(0);
            first.server().clock().advance(Duration.ofSeconds(6));
            StopInstancesRequest stop = new StopInstancesRequest();
            stop.setInstanceIds(new String[] {stopping});
            cvm.StopInstances(stop);
            CvmFixture.terminate(cvm, terminating);
            // Launch one more just before stopping: it is PENDING when the server goes away.
            pending = CvmFixture.run(cvm, null, r -> { }).get(0);
            assertThat(CvmFixture.describe(cvm, pending).getInstanceState()).isEqualTo("PENDING");
            assertThat(CvmFixture.describe(cvm, stopping).getInstanceState()).isEqualTo("STOPPING");
            assertThat(CvmFixture.describe(cvm, terminating).getInstanceState()).isEqualTo("TERMINATING");
        }

        try (TestServer second = serverAt(dir, t0.plusSeconds(6 + 6))) {
            CvmClient cvm = second.cvm(Mode.TC3_POST, CvmFixture.REGION);

            assertThat(CvmFixture.describe(cvm, pending).getInstanceState()).isEqualTo("RUNNING");
            assertThat(CvmFixture.describe(cvm, pending).getLatestOperationState()).isEqualTo("SUCCESS");
            assertThat(CvmFixture.describe(cvm, stopping).getInstanceState()).isEqualTo("STOPPED");
            assertThat(CvmFixture.describe(cvm, terminating)).isNull();
            assertThat(CvmFixture.describe(cvm, early).getInstanceState()).isEqualTo("RUNNING");
            assertThat(CvmFixture.describeAll(cvm)).hasSize(3);
        }
    }
}
