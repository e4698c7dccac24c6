package dev.localcvm.cam;

import java.time.Instant;

/** A CAM user group of an account. */
public record CamGroup(long groupId, String ownerUin, String name, String remark, Instant createdAt) {
}
