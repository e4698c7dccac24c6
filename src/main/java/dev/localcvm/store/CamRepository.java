package dev.localcvm.store;

import dev.localcvm.cam.CamDirectory;
import dev.localcvm.cam.CamRole;
import dev.localcvm.cam.CamRoleDetail;
import dev.localcvm.cam.policy.Presets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * CAM's store: users, groups, policies, roles and attachments (migration 15), and the read side that authorization
 * and sts use on every request of a non-root signer ({@link CamDirectory}).
 */
public final class CamRepository implements CamDirectory {
    /** The longest session of a role created without a SessionDuration: sts's own maximum, 12 hours. */
    public static final long MAX_SESSION_SECONDS = 43_200;
    private final Jdbi jdbi;

    public CamRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    /**
     * Runs {@code work} in one transaction that holds the owner account's row lock, so that the account's CAM writes
     * happen one at a time on every replica: a limit counted inside stays true until the commit, and an entity found
     * inside cannot be deleted under it. An exception from {@code work} rolls everything back.
     */
    public <T> T write(String ownerUin, Function<CamTx, T> work) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT uin FROM accounts WHERE uin = :o FOR UPDATE").bind("o", ownerUin)
                    .mapTo(String.class).findOne();
            return work.apply(new CamTx(h));
        });
    }

    /** Runs {@code work} on one connection, without locks: reads only. */
    public <T> T read(Function<CamTx, T> work) {
        return jdbi.withHandle(h -> work.apply(new CamTx(h)));
    }

    @Override
    public List<String> userPolicies(String ownerUin, String subUin) {
        // Direct attachments, then those of the user's groups: two index lookups joined in one statement.
        List<String> documents = jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.policy_id, p.document FROM cam_attachments a
                        LEFT JOIN cam_policies p ON p.policy_id = a.policy_id AND p.owner_uin = a.owner_uin
                        WHERE a.owner_uin = :o AND a.target_kind = 'USER' AND a.target_id = :u
                        UNION ALL
                        SELECT a.policy_id, p.document FROM cam_group_members m
                        JOIN cam_attachments a ON a.owner_uin = m.owner_uin AND a.target_kind = 'GROUP'
                             AND a.target_id = CAST(m.group_id AS VARCHAR(32))
                        LEFT JOIN cam_policies p ON p.policy_id = a.policy_id AND p.owner_uin = a.owner_uin
                        WHERE m.user_uin = :u AND m.owner_uin = :o""")
                .bind("o", ownerUin).bind("u", subUin)
                .map((rs, c) -> document(rs.getLong("policy_id"), rs.getString("document"))).list());
        return distinct(documents);
    }

    @Override
    public List<String> rolePolicies(String ownerUin, String roleId) {
        return distinct(jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.policy_id, p.document FROM cam_attachments a
                        LEFT JOIN cam_policies p ON p.policy_id = a.policy_id AND p.owner_uin = a.owner_uin
                        WHERE a.owner_uin = :o AND a.target_kind = 'ROLE' AND a.target_id = :r""")
                .bind("o", ownerUin).bind("r", roleId)
                .map((rs, c) -> document(rs.getLong("policy_id"), rs.getString("document"))).list()));
    }

    @Override
    public Optional<CamRole> roleByName(String ownerUin, String roleName) {
        return read(tx -> tx.roleByName(ownerUin, roleName)).map(CamRoleDetail::role);
    }

    @Override
    public Optional<CamRole> roleById(String ownerUin, String roleId) {
        return read(tx -> tx.role(ownerUin, roleId)).map(CamRoleDetail::role);
    }

    /** A custom policy's document, or a preset's (null when no preset has that id any more). */
    private static String document(long policyId, String custom) {
        return custom != null ? custom : Presets.byId(policyId).map(Presets.Preset::document).orElse(null);
    }

    /** Each document once (a policy attached both directly and through a group counts once), nulls dropped. */
    private static List<String> distinct(List<String> documents) {
        Set<String> out = new LinkedHashSet<>();
        documents.stream().filter(d -> d != null).forEach(out::add);
        return List.copyOf(out);
    }
}
