package dev.localcvm.cvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.account.Account;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Language;
import dev.localcvm.api.params.ParamBinder;
import dev.localcvm.store.AttributeRepository;
import dev.localcvm.store.Database;
import dev.localcvm.store.FaultRepository;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.StoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * New instance ids are never ids in use. A ResourceIds seeded like an earlier one draws the earlier ids
 * first, so RunInstances must see them taken and draw again.
 */
class RunInstancesIdsTest {
    private static final String REGION = "ap-guangzhou";
    private final Database db = Database.open(StoreConfig.ephemeral());
    private final CvmService service = new CvmService(new InstanceRepository(db), new AttributeRepository(db),
            new FaultRepository(db), new CvmService.Settings(Duration.ZERO, 1_000, Duration.ofHours(1), false));
    private final CallContext ctx = new CallContext("req-1", new Account("100000000001", 1250000001L, "test"),
            "AKIDtest", REGION, Language.EN_US, Instant.parse("2026-11-26T00:00:00Z"));

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> launch(ResourceIds ids) throws Exception {
        var request = new ParamBinder(false).bind(new ObjectMapper().readTree(
                "{\"Placement\":{\"Zone\":\"ap-guangzhou-3\"},\"ImageId\":\"img-pmqg1cw7\",\"InstanceCount\":3}"),
                RunInstancesRequest.class);
        return new RunInstances(service, ids).execute(request, ctx).instanceIdSet();
    }

    @Test
    void idsOfLiveInstancesAreDrawnAgain() throws Exception {
        List<String> first = launch(new ResourceIds(ResourceIdsTest.seeded(7)));
        assertThat(new ResourceIds(ResourceIdsTest.seeded(7)).instanceIds(3)).isEqualTo(first);

        List<String> second = launch(new ResourceIds(ResourceIdsTest.seeded(7)));

        assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first);
        assertThat(service.instances().countLive(ctx.account().uin(), REGION)).isEqualTo(6);
    }

    @Test
    void idsOfDestroyedInstancesAreNeverReused() throws Exception {
        List<String> first = launch(new ResourceIds(ResourceIdsTest.seeded(7)));
        new TerminateInstances(service).execute(new TerminateInstances.Request(first, null, null), ctx);
        assertThat(service.instances().countLive(ctx.account().uin(), REGION)).isZero();
        assertThat(service.instances().takenIds(first)).containsExactlyInAnyOrderElementsOf(first);

        List<String> second = launch(new ResourceIds(ResourceIdsTest.seeded(7)));

        assertThat(second).hasSize(3).doesNotContainAnyElementsOf(first);
    }

    @Test
    void aLaunchThatDrawsOnlyIdsInUseFailsAndCreatesNothing() throws Exception {
        // Every draw from a fresh generator of the same seed is the same.
        ResourceIds stuck = new ResourceIds(() -> new java.util.SplittableRandom(7));
        launch(stuck);

        assertThatThrownBy(() -> launch(stuck)).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        assertThat(service.instances().countLive(ctx.account().uin(), REGION)).isEqualTo(3);
    }
}
