package dev.localcvm.cam;

import java.time.Instant;

/**
 * A role with what GetRole shows besides {@link CamRole}.
 *
 * @param sessionDuration the SessionDuration it was created with (0 when none was given)
 */
public record CamRoleDetail(CamRole role, long consoleLogin, long sessionDuration, Instant updatedAt) {
}
