package dev.localcvm.store;

import dev.localcvm.account.AccessKeyInfo;
import dev.localcvm.account.Principal;
import dev.localcvm.cam.CamAttachment;
import dev.localcvm.cam.CamGroup;
import dev.localcvm.cam.CamPolicy;
import dev.localcvm.cam.CamRole;
import dev.localcvm.cam.CamRoleDetail;
import dev.localcvm.cam.CamUser;
import dev.localcvm.cam.policy.Presets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * CAM's rows, read and written inside one transaction of {@link CamRepository}. Every query is scoped by the owner
 * account and goes through an index.
 */
public final class CamTx {
    private static final String USER_COLUMNS =
            "owner_uin, uin, uid, name, remark, console_login, phone_num, country_code, email, created_at";
    private static final String ROLE_COLUMNS = "owner_uin, role_id, name, trust_policy, description, console_login, "
            + "session_duration, created_at, updated_at";
    private final Handle h;

    CamTx(Handle h) {
        this.h = h;
    }

    // ---- users ----

    public Optional<CamUser> userByName(String owner, String name) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM cam_users WHERE owner_uin = :o AND name = :n")
                .bind("o", owner).bind("n", name).map((rs, c) -> user(rs)).findOne();
    }

    public Optional<CamUser> userByUin(String owner, String uin) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM cam_users WHERE uin = :u AND owner_uin = :o")
                .bind("o", owner).bind("u", uin).map((rs, c) -> user(rs)).findOne();
    }

    public Optional<CamUser> userByUid(String owner, long uid) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM cam_users WHERE uid = :u AND owner_uin = :o")
                .bind("o", owner).bind("u", uid).map((rs, c) -> user(rs)).findOne();
    }

    /** The account's sub-users, oldest first (UIDs are handed out in order). */
    public List<CamUser> users(String owner) {
        return h.createQuery("SELECT " + USER_COLUMNS + " FROM cam_users WHERE owner_uin = :o ORDER BY uid")
                .bind("o", owner).map((rs, c) -> user(rs)).list();
    }

    public int countUsers(String owner) {
        return count("SELECT COUNT(*) FROM cam_users WHERE owner_uin = :o", Map.of("o", owner));
    }

    /** Inserts the sub-user; false when its uin or uid is taken (in any account), so that new ones can be drawn. */
    public boolean insertUser(CamUser u) {
        return h.createUpdate("""
                        INSERT INTO cam_users (owner_uin, uin, uid, name, remark, console_login, phone_num, country_code,
                                               email, created_at)
                        VALUES (:o, :uin, :uid, :name, :remark, :login, :phone, :country, :email, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("o", u.ownerUin()).bind("uin", u.uin()).bind("uid", u.uid()).bind("name", u.name())
                .bind("remark", u.remark()).bind("login", u.consoleLogin()).bind("phone", u.phoneNum())
                .bind("country", u.countryCode()).bind("email", u.email()).bind("at", u.createdAt().toEpochMilli())
                .execute() == 1;
    }

    /** Deletes the sub-user with its group memberships, attached policies and keys; answers the keys' SecretIds. */
    public List<String> deleteUser(String owner, String uin) {
        h.createUpdate("DELETE FROM cam_group_members WHERE user_uin = :u AND owner_uin = :o")
                .bind("o", owner).bind("u", uin).execute();
        detachAll(owner, CamAttachment.Target.USER, uin);
        List<String> keys = AccountRepository.deleteKeysOf(h, owner, uin);
        h.createUpdate("DELETE FROM cam_users WHERE uin = :u AND owner_uin = :o").bind("o", owner).bind("u", uin)
                .execute();
        return keys;
    }

    // ---- keys ----

    public void insertKey(Principal principal, String secretId, String secretKey, Instant now) {
        AccountRepository.insertKey(h, principal, secretId, secretKey, now);
    }

    /** @param principalUin a sub-user's uin, or the owner's own for the root's keys */
    public List<AccessKeyInfo> keys(String owner, String principalUin) {
        return AccountRepository.listKeys(h, owner, principalUin);
    }

    // ---- groups ----

    public Optional<CamGroup> group(String owner, long groupId) {
        return h.createQuery("SELECT group_id, owner_uin, name, remark, created_at FROM cam_groups "
                        + "WHERE group_id = :g AND owner_uin = :o")
                .bind("o", owner).bind("g", groupId).map((rs, c) -> group(rs)).findOne();
    }

    public boolean groupNameTaken(String owner, String name) {
        return count("SELECT COUNT(*) FROM cam_groups WHERE owner_uin = :o AND name = :n", Map.of("o", owner,
                "n", name)) > 0;
    }

    /** The account's groups, oldest first. */
    public List<CamGroup> groups(String owner) {
        return h.createQuery("SELECT group_id, owner_uin, name, remark, created_at FROM cam_groups "
                        + "WHERE owner_uin = :o ORDER BY group_id").bind("o", owner).map((rs, c) -> group(rs)).list();
    }

    public int countGroups(String owner) {
        return count("SELECT COUNT(*) FROM cam_groups WHERE owner_uin = :o", Map.of("o", owner));
    }

    public void insertGroup(CamGroup g) {
        h.createUpdate("INSERT INTO cam_groups (group_id, owner_uin, name, remark, created_at) "
                        + "VALUES (:g, :o, :n, :r, :at)")
                .bind("g", g.groupId()).bind("o", g.ownerUin()).bind("n", g.name()).bind("r", g.remark())
                .bind("at", g.createdAt().toEpochMilli()).execute();
    }

    /** The group's members, oldest user first. */
    public List<CamUser> members(String owner, long groupId) {
        return h.createQuery("SELECT u.owner_uin, u.uin, u.uid, u.name, u.remark, u.console_login, u.phone_num, "
                        + "u.country_code, u.email, u.created_at FROM cam_group_members m "
                        + "JOIN cam_users u ON u.uin = m.user_uin WHERE m.group_id = :g AND m.owner_uin = :o "
                        + "ORDER BY u.uid")
                .bind("o", owner).bind("g", groupId).map((rs, c) -> user(rs)).list();
    }

    /** The groups the sub-user belongs to, in group id order. */
    public List<CamGroup> groupsOf(String owner, String userUin) {
        return h.createQuery("SELECT g.group_id, g.owner_uin, g.name, g.remark, g.created_at FROM cam_group_members m "
                        + "JOIN cam_groups g ON g.group_id = m.group_id WHERE m.user_uin = :u AND m.owner_uin = :o "
                        + "ORDER BY g.group_id")
                .bind("o", owner).bind("u", userUin).map((rs, c) -> group(rs)).list();
    }

    public int countMembers(long groupId) {
        return count("SELECT COUNT(*) FROM cam_group_members WHERE group_id = :g", Map.of("g", groupId));
    }

    public boolean isMember(long groupId, String userUin) {
        return count("SELECT COUNT(*) FROM cam_group_members WHERE group_id = :g AND user_uin = :u",
                Map.of("g", groupId, "u", userUin)) > 0;
    }

    public void addMember(String owner, long groupId, String userUin, Instant now) {
        h.createUpdate("INSERT INTO cam_group_members (group_id, user_uin, owner_uin, joined_at) VALUES (:g, :u, :o, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("g", groupId).bind("u", userUin).bind("o", owner).bind("at", now.toEpochMilli()).execute();
    }

    public void removeMember(long groupId, String userUin) {
        h.createUpdate("DELETE FROM cam_group_members WHERE group_id = :g AND user_uin = :u")
                .bind("g", groupId).bind("u", userUin).execute();
    }

    // ---- policies ----

    /** The account's custom policy of this id. */
    public Optional<CamPolicy> policy(String owner, long policyId) {
        return h.createQuery("SELECT policy_id, name, description, document, created_at, updated_at FROM cam_policies "
                        + "WHERE policy_id = :p AND owner_uin = :o")
                .bind("o", owner).bind("p", policyId).map((rs, c) -> policy(rs)).findOne();
    }

    public Optional<CamPolicy> policyByName(String owner, String name) {
        return h.createQuery("SELECT policy_id, name, description, document, created_at, updated_at FROM cam_policies "
                        + "WHERE owner_uin = :o AND name = :n")
                .bind("o", owner).bind("n", name).map((rs, c) -> policy(rs)).findOne();
    }

    /** The account's custom policies in id order. */
    public List<CamPolicy> policies(String owner) {
        return h.createQuery("SELECT policy_id, name, description, document, created_at, updated_at FROM cam_policies "
                        + "WHERE owner_uin = :o ORDER BY policy_id").bind("o", owner).map((rs, c) -> policy(rs)).list();
    }

    public int countPolicies(String owner) {
        return count("SELECT COUNT(*) FROM cam_policies WHERE owner_uin = :o", Map.of("o", owner));
    }

    public void insertPolicy(String owner, CamPolicy p) {
        h.createUpdate("INSERT INTO cam_policies (policy_id, owner_uin, name, description, document, created_at, "
                        + "updated_at) VALUES (:p, :o, :n, :d, :doc, :at, :at)")
                .bind("p", p.policyId()).bind("o", owner).bind("n", p.name()).bind("d", p.description())
                .bind("doc", p.document()).bind("at", p.createdAt().toEpochMilli()).execute();
    }

    public void updatePolicy(String owner, CamPolicy p) {
        h.createUpdate("UPDATE cam_policies SET name = :n, description = :d, document = :doc, updated_at = :at "
                        + "WHERE policy_id = :p AND owner_uin = :o")
                .bind("p", p.policyId()).bind("o", owner).bind("n", p.name()).bind("d", p.description())
                .bind("doc", p.document()).bind("at", p.updatedAt().toEpochMilli()).execute();
    }

    /** Deletes the custom policy and detaches it from every user, group and role. */
    public void deletePolicy(String owner, long policyId) {
        h.createUpdate("DELETE FROM cam_attachments WHERE owner_uin = :o AND policy_id = :p")
                .bind("o", owner).bind("p", policyId).execute();
        h.createUpdate("DELETE FROM cam_policies WHERE policy_id = :p AND owner_uin = :o")
                .bind("o", owner).bind("p", policyId).execute();
    }

    // ---- attachments ----

    /** Attaches the policy; false when it was already attached. */
    public boolean attach(String owner, CamAttachment.Target target, String targetId, long policyId, Instant now) {
        return h.createUpdate("INSERT INTO cam_attachments (owner_uin, target_kind, target_id, policy_id, attached_at) "
                        + "VALUES (:o, :k, :t, :p, :at) ON CONFLICT DO NOTHING")
                .bind("o", owner).bind("k", target.name()).bind("t", targetId).bind("p", policyId)
                .bind("at", now.toEpochMilli()).execute() == 1;
    }

    /** Detaches the policy; false when it was not attached. */
    public boolean detach(String owner, CamAttachment.Target target, String targetId, long policyId) {
        return h.createUpdate("DELETE FROM cam_attachments WHERE owner_uin = :o AND target_kind = :k AND "
                        + "target_id = :t AND policy_id = :p")
                .bind("o", owner).bind("k", target.name()).bind("t", targetId).bind("p", policyId).execute() == 1;
    }

    public void detachAll(String owner, CamAttachment.Target target, String targetId) {
        h.createUpdate("DELETE FROM cam_attachments WHERE owner_uin = :o AND target_kind = :k AND target_id = :t")
                .bind("o", owner).bind("k", target.name()).bind("t", targetId).execute();
    }

    public int countAttached(String owner, CamAttachment.Target target, String targetId) {
        return count("SELECT COUNT(*) FROM cam_attachments WHERE owner_uin = :o AND target_kind = :k AND target_id = :t",
                Map.of("o", owner, "k", target.name(), "t", targetId));
    }

    /** The policies attached to one user, group or role, in the order they were attached. */
    public List<CamAttachment> attached(String owner, CamAttachment.Target target, String targetId) {
        return h.createQuery("SELECT a.policy_id, a.attached_at, p.name, p.description, p.document, p.created_at, "
                        + "p.updated_at FROM cam_attachments a LEFT JOIN cam_policies p ON p.policy_id = a.policy_id "
                        + "AND p.owner_uin = a.owner_uin WHERE a.owner_uin = :o AND a.target_kind = :k "
                        + "AND a.target_id = :t ORDER BY a.attached_at, a.policy_id")
                .bind("o", owner).bind("k", target.name()).bind("t", targetId)
                .map((rs, c) -> attachment(rs)).list().stream().filter(Objects::nonNull).toList();
    }

    /**
     * How many entities of each kind each of the account's policies (presets included) is attached to.
     *
     * @return policy id to (target kind to count)
     */
    public Map<Long, Map<String, Integer>> attachmentCounts(String owner) {
        record Count(long policyId, String kind, int n) {
        }
        Map<Long, Map<String, Integer>> out = new HashMap<>();
        h.createQuery("SELECT policy_id, target_kind, COUNT(*) AS n FROM cam_attachments WHERE owner_uin = :o "
                        + "GROUP BY policy_id, target_kind").bind("o", owner)
                .map((rs, c) -> new Count(rs.getLong("policy_id"), rs.getString("target_kind"), rs.getInt("n")))
                .forEach(n -> out.computeIfAbsent(n.policyId(), k -> new HashMap<>()).put(n.kind(), n.n()));
        return out;
    }

    // ---- roles ----

    public Optional<CamRoleDetail> role(String owner, String roleId) {
        return h.createQuery("SELECT " + ROLE_COLUMNS + " FROM cam_roles WHERE role_id = :r AND owner_uin = :o")
                .bind("o", owner).bind("r", roleId).map((rs, c) -> role(rs)).findOne();
    }

    public Optional<CamRoleDetail> roleByName(String owner, String name) {
        return h.createQuery("SELECT " + ROLE_COLUMNS + " FROM cam_roles WHERE owner_uin = :o AND name = :n")
                .bind("o", owner).bind("n", name).map((rs, c) -> role(rs)).findOne();
    }

    public int countRoles(String owner) {
        return count("SELECT COUNT(*) FROM cam_roles WHERE owner_uin = :o", Map.of("o", owner));
    }

    public void insertRole(CamRoleDetail d) {
        CamRole r = d.role();
        h.createUpdate("INSERT INTO cam_roles (" + ROLE_COLUMNS + ") VALUES (:o, :r, :n, :doc, :d, :login, :duration, "
                        + ":at, :at)")
                .bind("o", r.ownerUin()).bind("r", r.roleId()).bind("n", r.roleName()).bind("doc", r.trustPolicy())
                .bind("d", r.description()).bind("login", d.consoleLogin()).bind("duration", d.sessionDuration())
                .bind("at", r.createdAt().toEpochMilli()).execute();
    }

    /** Deletes the role and detaches its policies. */
    public void deleteRole(String owner, String roleId) {
        detachAll(owner, CamAttachment.Target.ROLE, roleId);
        h.createUpdate("DELETE FROM cam_roles WHERE role_id = :r AND owner_uin = :o").bind("o", owner)
                .bind("r", roleId).execute();
    }

    // ---- ids ----

    /**
     * The next number of a counter shared by every account and replica ({@code server_state}, which a reset keeps, so
     * that an id is never handed out twice).
     */
    public long nextId(String counter, long first) {
        h.createUpdate("INSERT INTO server_state (name, num) VALUES (:n, :first) ON CONFLICT DO NOTHING")
                .bind("n", counter).bind("first", first - 1).execute();
        h.createUpdate("UPDATE server_state SET num = num + 1 WHERE name = :n").bind("n", counter).execute();
        return h.createQuery("SELECT num FROM server_state WHERE name = :n").bind("n", counter).mapTo(Long.class).one();
    }

    // ---- rows ----

    private int count(String sql, Map<String, Object> binds) {
        var q = h.createQuery(sql);
        binds.forEach(q::bind);
        return q.mapTo(Integer.class).one();
    }

    static CamUser user(ResultSet rs) throws SQLException {
        return new CamUser(rs.getString("owner_uin"), rs.getString("uin"), rs.getLong("uid"), rs.getString("name"),
                rs.getString("remark"), rs.getLong("console_login"), rs.getString("phone_num"),
                rs.getString("country_code"), rs.getString("email"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static CamGroup group(ResultSet rs) throws SQLException {
        return new CamGroup(rs.getLong("group_id"), rs.getString("owner_uin"), rs.getString("name"),
                rs.getString("remark"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static CamPolicy policy(ResultSet rs) throws SQLException {
        return new CamPolicy(rs.getLong("policy_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("document"), false, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    /** An attachment row with its custom policy's columns, or a preset's id (null when no preset has it now). */
    private static CamAttachment attachment(ResultSet rs) throws SQLException {
        Instant at = Instant.ofEpochMilli(rs.getLong("attached_at"));
        if (rs.getString("document") != null) {
            return new CamAttachment(policy(rs), at);
        }
        return Presets.byId(rs.getLong("policy_id")).map(p -> new CamAttachment(CamPolicy.of(p), at)).orElse(null);
    }

    static CamRoleDetail role(ResultSet rs) throws SQLException {
        long duration = rs.getLong("session_duration");
        CamRole role = new CamRole(rs.getString("owner_uin"), rs.getString("role_id"), rs.getString("name"),
                rs.getString("trust_policy"), rs.getString("description"),
                duration == 0 ? CamRepository.MAX_SESSION_SECONDS : duration,
                Instant.ofEpochMilli(rs.getLong("created_at")));
        return new CamRoleDetail(role, rs.getLong("console_login"), duration,
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
