package dev.localcvm.cam;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.CamTx;
import java.util.List;

/** The Info list AddUserToGroup and RemoveUserFromGroup share: which user (by Uin or Uid) and which group. */
public final class Memberships {
    /** How many pairs one request may name (CAM documents no limit; localcvm's choice). */
    static final int MAX_PAIRS = 50;

    private Memberships() {
    }

    /** One element of Info. */
    public record GroupIdOfUidInfo(Long groupId, Long uid, Long uin) {
    }

    /** A resolved pair. */
    record Pair(CamGroup group, CamUser user) {
    }

    static List<GroupIdOfUidInfo> info(List<GroupIdOfUidInfo> info) {
        CamRules.count("Info", info, 1, MAX_PAIRS);
        for (int i = 0; i < info.size(); i++) {
            GroupIdOfUidInfo e = info.get(i);
            if (e == null) {
                throw ApiException.missingParameter("Info." + i);
            }
            CamRules.required("Info." + i + ".GroupId", e.groupId());
            if (e.uid() == null && e.uin() == null) {
                throw new ApiException(ErrorCode.CAM_UIN_AND_UID_NULL, ErrorCode.CAM_UIN_AND_UID_NULL.message(null));
            }
        }
        return info;
    }

    /**
     * The user an element names: by Uin, else by Uid; when both are given they must name the same user
     * (ResourceNotFound.UserNotExist otherwise).
     */
    static CamUser user(CamTx tx, String owner, GroupIdOfUidInfo e) {
        CamUser u = e.uin() != null ? CamService.user(tx, owner, e.uin(), ErrorCode.CAM_USER_NOT_EXIST)
                : tx.userByUid(owner, e.uid()).orElseThrow(() -> ApiException.of(ErrorCode.CAM_USER_NOT_EXIST, e.uid()));
        if (e.uid() != null && u.uid() != e.uid()) {
            throw ApiException.of(ErrorCode.CAM_USER_NOT_EXIST, e.uid());
        }
        return u;
    }
}
