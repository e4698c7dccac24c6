package dev.localcvm.cam;

import java.util.List;
import java.util.Optional;

/** A CAM store with nothing in it: no sub-user, role or policy exists, so every non-root signer is refused. */
public final class NoCamDirectory implements CamDirectory {
    @Override
    public List<String> userPolicies(String ownerUin, String subUin) {
        return List.of();
    }

    @Override
    public List<String> rolePolicies(String ownerUin, String roleId) {
        return List.of();
    }

    @Override
    public Optional<CamRole> roleByName(String ownerUin, String roleName) {
        return Optional.empty();
    }

    @Override
    public Optional<CamRole> roleById(String ownerUin, String roleId) {
        return Optional.empty();
    }

    @Override
    public Optional<String> userName(String ownerUin, String subUin) {
        return Optional.empty();
    }
}
