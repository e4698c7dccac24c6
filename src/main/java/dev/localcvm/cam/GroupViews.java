package dev.localcvm.cam;

/** How CAM's group actions show a group and a member. */
public final class GroupViews {
    private GroupViews() {
    }

    public record GroupInfo(long groupId, String groupName, String createTime, String remark) {
        static GroupInfo of(CamGroup g) {
            return new GroupInfo(g.groupId(), g.name(), CamRules.time(g.createdAt()), g.remark());
        }
    }

    /**
     * A member as GetGroup and ListUsersForGroup show it. Phone and email are never verified here (flags 0); the
     * collaborator and message-recipient user types do not exist in localcvm, so UserType is null.
     */
    public record GroupMemberInfo(long uid, long uin, String name, String phoneNum, String countryCode, long phoneFlag,
                                  String email, long emailFlag, Long userType, String createTime,
                                  long isReceiverOwner) {
        static GroupMemberInfo of(CamUser u) {
            return new GroupMemberInfo(u.uid(), Long.parseLong(u.uin()), u.name(), u.phoneNum(), u.countryCode(), 0,
                    u.email(), 0, null, CamRules.time(u.createdAt()), 0);
        }
    }
}
