package dev.localcvm.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.Instances;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Tombstones as runs: how destroyed keys become rows, and that every id of a run reads back as destroyed. */
class TombstonesTest {
    private static final Instant T0 = Instances.T0;
    private static final long BASE = 1_000_000;

    private static Instance at(long key, String region) {
        return Instances.of(InstanceKeys.id(key), InstanceState.RUNNING, ChargeType.POSTPAID_BY_HOUR).region(region)
                .version(0).build();
    }

    private static List<Instance> keys(long from, long to, String region) {
        return LongStream.rangeClosed(from, to).mapToObj(k -> at(k, region)).toList();
    }

    @Test
    void consecutiveKeysOfOneScopeAndMomentMakeRunsOfAtMostAHundred() {
        List<Instance> destroyed = new ArrayList<>(keys(10, 259, "ap-guangzhou"));
        destroyed.add(at(300, "ap-guangzhou"));
        destroyed.add(at(302, "ap-guangzhou"));
        destroyed.add(at(260, "ap-shanghai")); // next to the first run's keys, but another region
        List<Tombstones.Run> runs = Tombstones.runs(destroyed, T0);

        long at = T0.toEpochMilli();
        assertThat(runs).containsExactly(
                new Tombstones.Run(10, 109, "100000000001", "ap-guangzhou", at),
                new Tombstones.Run(110, 209, "100000000001", "ap-guangzhou", at),
                new Tombstones.Run(210, 259, "100000000001", "ap-guangzhou", at),
                new Tombstones.Run(260, 260, "100000000001", "ap-shanghai", at),
                new Tombstones.Run(300, 300, "100000000001", "ap-guangzhou", at),
                new Tombstones.Run(302, 302, "100000000001", "ap-guangzhou", at));
    }

    @Test
    void instancesDestroyedByTimersAtDifferentMomentsAreSeparateRuns() {
        Instant later = T0.plusSeconds(5);
        Instance byTimer = Instances.of(InstanceKeys.id(11), InstanceState.TERMINATING, ChargeType.POSTPAID_BY_HOUR)
                .pending(new Instance.Pending(null, later, null)).version(0).build();
        assertThat(Tombstones.runs(List.of(at(10, "ap-guangzhou"), byTimer), T0)).extracting(Tombstones.Run::destroyedAt)
                .containsExactly(T0.toEpochMilli(), later.toEpochMilli());
    }

    @Test
    void keysWithinReachOfEachOtherShareOneSpanOfFirstKeys() {
        assertThat(Tombstones.spans(List.of(1000L, 5L, 50L, 500L, 50L)))
                .containsExactly(new long[] {0, 50}, new long[] {401, 500}, new long[] {901, 1000});
        assertThat(Tombstones.spans(List.of(199L, 100L))).containsExactly(new long[] {1, 199});
    }

    @Test
    void everyIdOfARunIsATombstoneOfItsScopeAndWindowAndTakenUntilPurged() {
        try (Database db = Database.open(StoreConfig.ephemeral())) {
            InstanceRepository repo = new InstanceRepository(db);
            List<Instance> gone = keys(BASE, BASE + 149, "ap-guangzhou");
            Instance elsewhere = at(BASE + 150, "ap-shanghai");
            Instance live = at(BASE + 151, "ap-guangzhou");
            List<Instance> all = new ArrayList<>(gone);
            all.add(elsewhere);
            all.add(live);
            repo.commit(new InstanceRepository.Changes(all, List.of(), List.of(), T0, null, 0, null));
            List<Instance> destroyed = new ArrayList<>(gone);
            destroyed.add(elsewhere);
            repo.commit(InstanceRepository.Changes.of(List.of(), destroyed, T0));

            List<String> asked = new ArrayList<>(all.stream().map(Instance::id).toList());
            String neverUsed = InstanceKeys.id(BASE - 1);
            asked.add(neverUsed);
            List<String> goneIds = gone.stream().map(Instance::id).toList();
            assertThat(repo.findTombstones("100000000001", "ap-guangzhou", asked, T0))
                    .containsExactlyInAnyOrderElementsOf(goneIds);
            assertThat(repo.findTombstones("100000000001", "ap-shanghai", asked, T0)).containsExactly(elsewhere.id());
            assertThat(repo.findTombstones("100000000002", "ap-guangzhou", asked, T0)).as("another account").isEmpty();
            assertThat(repo.findTombstones("100000000001", "ap-guangzhou", asked, T0.plusMillis(1)))
                    .as("destroyed before the window").isEmpty();
            assertThat(repo.takenIds(asked)).hasSize(152).doesNotContain(neverUsed);

            assertThat(repo.purgeTombstones(T0.plusMillis(1))).as("rows: two runs and one").isEqualTo(3);
            assertThat(repo.takenIds(asked)).containsExactly(live.id());
        }
    }
}
