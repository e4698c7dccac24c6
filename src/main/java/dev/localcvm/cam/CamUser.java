package dev.localcvm.cam;

import java.time.Instant;

/**
 * A CAM sub-user of an account.
 *
 * @param uin the sub-user's own uin, unique across all accounts
 * @param uid the sub-user's other numeric id (CAM's UID), unique across all accounts
 * @param consoleLogin 1 when the sub-user may log in to the console, else 0
 */
public record CamUser(String ownerUin, String uin, long uid, String name, String remark, long consoleLogin,
                      String phoneNum, String countryCode, String email, Instant createdAt) {
}
