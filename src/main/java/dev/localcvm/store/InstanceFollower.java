package dev.localcvm.store;

import dev.localcvm.cvm.domain.Instance;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Rows of another product that follow instances (disks, addresses): written in the transaction that launches
 * or destroys the instances, so that no commit leaves one without the other.
 */
public interface InstanceFollower {
    void launched(Handle h, List<Instance> instances, Instant now);

    void destroyed(Handle h, List<Instance> instances, Instant now);
}
