package dev.localcvm.cam;

import java.util.List;
import java.util.Optional;

/**
 * What authorization (every product's requests) and sts need from CAM's store: the policies in force for a
 * principal, and roles. Read on every request of a non-root signer, so that a change made through one replica
 * is enforced by every other at once.
 */
public interface CamDirectory {
    /**
     * The documents of the policies attached to the sub-user and to each group it belongs to (preset policies
     * included, as their documents); empty when the user no longer exists.
     */
    List<String> userPolicies(String ownerUin, String subUin);

    /** The documents of the policies attached to the role; empty when the role no longer exists. */
    List<String> rolePolicies(String ownerUin, String roleId);

    /** The account's role of this name. */
    Optional<CamRole> roleByName(String ownerUin, String roleName);

    /** The account's role of this id. */
    Optional<CamRole> roleById(String ownerUin, String roleId);
}
