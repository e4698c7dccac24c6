package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.cvm.v20170312.CvmClient;
import com.tencentcloudapi.cvm.v20170312.models.StopInstancesRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
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
            CvmClient cvm = first.cvm(Mode.TC3_POST, CvmItSupport.REGION);
            early = CvmItSupport.run(cvm, null, r -> { }).get(0);
            stopping = CvmItSupport.run(cvm, null, r -> { }).get(0);
            terminating = CvmItSupport.run(cvm, null, r -> { }).get(0);
            first.server().clock().advance(Duration.ofSeconds(6));
            StopInstancesRequest stop = new StopInstancesRequest();
            stop.setInstanceIds(new String[] {stopping});
            cvm.StopInstances(stop);
            CvmItSupport.terminate(cvm, terminating);
            // Launch one more just before stopping: it is PENDING when the server goes away.
            pending = CvmItSupport.run(cvm, null, r -> { }).get(0);
            assertThat(CvmItSupport.describe(cvm, pending).getInstanceState()).isEqualTo("PENDING");
            assertThat(CvmItSupport.describe(cvm, stopping).getInstanceState()).isEqualTo("STOPPING");
            assertThat(CvmItSupport.describe(cvm, terminating).getInstanceState()).isEqualTo("TERMINATING");
        }

        try (TestServer second = serverAt(dir, t0.plusSeconds(6 + 6))) {
            CvmClient cvm = second.cvm(Mode.TC3_POST, CvmItSupport.REGION);

            assertThat(CvmItSupport.describe(cvm, pending).getInstanceState()).isEqualTo("RUNNING");
            assertThat(CvmItSupport.describe(cvm, pending).getLatestOperationState()).isEqualTo("SUCCESS");
            assertThat(CvmItSupport.describe(cvm, stopping).getInstanceState()).isEqualTo("STOPPED");
            assertThat(CvmItSupport.describe(cvm, terminating)).isNull();
            assertThat(CvmItSupport.describe(cvm, early).getInstanceState()).isEqualTo("RUNNING");
            assertThat(CvmItSupport.describeAll(cvm)).hasSize(3);
        }
    }
}
