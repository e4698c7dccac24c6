package dev.localcvm.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration D = Duration.ofSeconds(1);

    private static Address allocated(Duration delay) {
        return Address.allocate("eip-abcdefgh", "100", "ap-guangzhou", "198.18.0.1", "EIP", "", "TRAFFIC_POSTPAID_BY_HOUR",
                1, List.of(), T0, delay);
    }

    @Test
    void eachTransitionalStatusLastsTheDelayAndLandsLazily() {
        Address a = allocated(D);
        assertThat(a.status()).isEqualTo(Address.Status.CREATING);
        assertThat(a.settle(T0.plusMillis(999)).orElseThrow().status()).isEqualTo(Address.Status.CREATING);
        Address unbound = a.settle(T0.plus(D)).orElseThrow();
        assertThat(unbound.status()).isEqualTo(Address.Status.UNBIND);
        assertThat(unbound.pending()).isNull();

        Address binding = unbound.bind("ins-abcdefgh", "172.16.48.2", T0.plus(D), D);
        assertThat(binding.status()).isEqualTo(Address.Status.BINDING);
        assertThat(binding.holds("ins-abcdefgh")).isTrue();
        Address bound = binding.settle(T0.plus(D.multipliedBy(2))).orElseThrow();
        assertThat(bound.status()).isEqualTo(Address.Status.BIND);
        assertThat(bound.instanceId()).isEqualTo("ins-abcdefgh");

        Address unbinding = bound.unbind(T0.plus(D.multipliedBy(2)), D);
        assertThat(unbinding.holds("ins-abcdefgh")).isTrue();
        Address free = unbinding.settle(T0.plus(D.multipliedBy(3))).orElseThrow();
        assertThat(free.status()).isEqualTo(Address.Status.UNBIND);
        assertThat(free.instanceId()).isNull();
        assertThat(free.privateIp()).isNull();

        Address offlining = free.release(T0.plus(D.multipliedBy(3)), D);
        assertThat(offlining.status()).isEqualTo(Address.Status.OFFLINING);
        assertThat(offlining.status().transitional()).isTrue();
        assertThat(offlining.settle(T0.plus(D.multipliedBy(4)))).isEmpty();
    }

    @Test
    void withNoDelayTheFinalStatusIsThereAtOnce() {
        Address a = allocated(Duration.ZERO);
        assertThat(a.status()).isEqualTo(Address.Status.UNBIND);
        assertThat(a.bind("ins-abcdefgh", "172.16.48.2", T0, Duration.ZERO).settle(T0).orElseThrow().status())
                .isEqualTo(Address.Status.BIND);
        assertThat(a.release(T0, Duration.ZERO).settle(T0)).isEmpty();
    }

    @Test
    void aChangeKeepsTheVersionItWasReadWith() {
        Address a = new Address("eip-abcdefgh", "100", "r", "198.18.0.1", "EIP", "n", Address.Status.UNBIND, "X", 1,
                null, null, T0, null, List.of(new Address.Tag("k", "v")), 7);
        assertThat(a.renamed("m").version()).isEqualTo(7);
        assertThat(a.bind("ins-abcdefgh", "172.16.48.2", T0, D).version()).isEqualTo(7);
        assertThat(a.renamed("m").tags()).containsExactly(new Address.Tag("k", "v"));
    }
}
