package dev.localcvm.cvm;

import java.util.Collection;
import java.util.Map;

/** The elastic IPs bound to instances, as the vpc product holds them: what TerminateInstances must know. */
public interface InstanceAddresses {
    InstanceAddresses NONE = (uin, region, ids) -> Map.of();

    /** The type of the EIP bound to each of the instances that has one, by instance id. */
    Map<String, String> boundTypes(String uin, String region, Collection<String> instanceIds);
}
