package dev.localcvm.vpc;

import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.store.InstanceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place the vpc product touches cvm instances (DESIGN "Growing from one product to several"): it reads
 * an instance through cvm's service, as cvm's own actions see it, and says how an association changes the
 * instance's public address; the change is saved in the address commit's transaction.
 */
final class InstanceSeam {
    private final CvmService cvm;

    InstanceSeam(CvmService cvm) {
        this.cvm = cvm;
    }

    /** The instance as it is now (due transitions applied), if it exists in this account and region. */
    Optional<Instance> find(String uin, String region, String instanceId, Instant now) {
        return Optional.ofNullable(cvm.load(uin, region, List.of(instanceId), now).live().get(instanceId));
    }

    /** An EIP binds only to a RUNNING or STOPPED instance. */
    static boolean bindable(Instance i) {
        return i.state() == InstanceState.RUNNING || i.state() == InstanceState.STOPPED;
    }

    /** The primary private address of the primary interface, the one an EIP binds to. */
    static String primaryPrivateIp(Instance i) {
        List<String> ips = i.spec().privateIps();
        return ips == null || ips.isEmpty() ? "" : ips.get(0);
    }

    /**
     * The instance's change when its public address becomes {@code ip} (null: none): binding an EIP releases the
     * instance's own public IP and shows the EIP instead; unbinding leaves none unless a new one is asked for.
     */
    static InstanceRepository.Changes publicIp(Instance i, String ip, Instant now) {
        Instance changed = i.toBuilder().publicIps(ip == null ? List.of() : List.of(ip)).build();
        return InstanceRepository.Changes.of(List.of(changed), List.of(), now);
    }
}
