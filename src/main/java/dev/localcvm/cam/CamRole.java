package dev.localcvm.cam;

import java.time.Instant;

/**
 * A CAM role.
 *
 * @param trustPolicy the role's trust policy document (who may assume it), CAM policy syntax 2.0
 * @param maxSessionDuration the longest session AssumeRole may grant, in seconds
 */
public record CamRole(String ownerUin, String roleId, String roleName, String trustPolicy, String description,
                      long maxSessionDuration, Instant createdAt) {
}
