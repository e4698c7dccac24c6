package dev.localcvm.account;

/**
 * Who signs a request: the root account, one of its CAM sub-users, a session of one of its roles (sts AssumeRole)
 * or a federated user (sts GetFederationToken). Resources always belong to the account ({@code ownerUin}).
 *
 * @param uin the root's uin (ROOT, and the issuer of a FEDERATED token when the root issued it), the sub-user's
 *            uin (SUB_USER, and the issuer of a FEDERATED token when a sub-user issued it), null for ROLE_SESSION
 * @param name the sub-user's, role's or federated user's name; null for ROOT
 * @param roleId the role's id (ROLE_SESSION), else null
 * @param sessionName RoleSessionName (ROLE_SESSION), else null
 * @param sessionPolicy the policy document given to AssumeRole or GetFederationToken (it narrows what the session
 *                      may do), or null
 */
public record Principal(Kind kind, String ownerUin, String uin, String name, String roleId, String sessionName,
                        String sessionPolicy) {
    public enum Kind { ROOT, SUB_USER, ROLE_SESSION, FEDERATED }

    public static Principal root(String ownerUin) {
        return new Principal(Kind.ROOT, ownerUin, ownerUin, null, null, null, null);
    }

    public static Principal subUser(String ownerUin, String subUin, String name) {
        return new Principal(Kind.SUB_USER, ownerUin, subUin, name, null, null, null);
    }

    public boolean isRoot() {
        return kind == Kind.ROOT;
    }
}
