package dev.localcvm.it;

import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.ResourceRace;
import dev.localcvm.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No torn state when TerminateInstances races AttachDisks and AssociateAddress on one server (issue 13 item 6). */
class ResourceRaceIT {
    @Test
    void noDiskOrEipIsLeftOnADestroyedInstance() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config().withLifecycle(Duration.ZERO, false, 500, false),
                ServerClock.system())) {
            System.out.println("ResourceRaceIT: the termination won outright in " + ResourceRace.run(server, server, 25) + " of 25 rounds");
        }
    }
}
