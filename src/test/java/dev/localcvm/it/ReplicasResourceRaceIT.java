package dev.localcvm.it;

import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.Replicas;
import dev.localcvm.testing.ResourceRace;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The race of ResourceRaceIT across two replicas on one PostgreSQL: the termination on A, the attachment and the
 * association on B (issue 13 item 6).
 */
class ReplicasResourceRaceIT {
    @Test
    void noDiskOrEipIsLeftOnADestroyedInstanceAcrossReplicas() throws Exception {
        try (Replicas replicas = Replicas.start(Duration.ZERO, false, ServerClock.system(), ServerClock.system())) {
            System.out.println("ReplicasResourceRaceIT: the termination won outright in "
                    + ResourceRace.run(replicas.a(), replicas.b(), 25) + " of 25 rounds");
        }
    }
}
