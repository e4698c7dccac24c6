package dev.localcvm.cam.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CAM policy document, syntax version 2.0, parsed and checked once; its wildcards and condition values are
 * compiled then, so judging a request costs no parsing. Immutable and safe to share between threads.
 */
public final class PolicyDocument {
    /** The longest document CAM accepts, in characters. */
    public static final int MAX_LENGTH = PolicyParser.MAX_CHARACTERS;

    private final List<Statement> statements;
    private final boolean principalNamed;
    private final Map<String, ConditionKeys.Kind> keys;
    private final Set<ConditionKeys.Kind> kinds;

    private PolicyDocument(PolicyParser.Parsed parsed) {
        this.statements = parsed.statements();
        this.principalNamed = parsed.principalNamed();
        this.keys = PolicyParser.keys(statements);
        this.kinds = keys.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(keys.values()));
    }

    /**
     * Parses and checks a document. A malformed one throws {@link dev.localcvm.error.ApiException} with CAM's
     * documented code and a message that says where it is wrong (for example "statement[1].action[0]: ...").
     */
    public static PolicyDocument parse(String text) {
        return new PolicyDocument(PolicyParser.parse(text));
    }

    /**
     * Whether any statement has a condition on this key (e.g. {@code qcs:resource_tag}), so callers load its facts
     * only when needed. Spellings of one fact count as the key: {@code qcs:tag} for {@code qcs:resource_tag},
     * any {@code service:region} for another.
     */
    public boolean mentions(String conditionKey) {
        if (keys.containsKey(conditionKey)) {
            return true;
        }
        ConditionKeys.Kind kind = ConditionKeys.kind(conditionKey);
        return kind != ConditionKeys.Kind.UNKNOWN && kinds.contains(kind);
    }

    /** Whether the document names a principal anywhere (a trust policy; AssumeRole's session policy may not). */
    public boolean hasPrincipal() {
        return principalNamed;
    }

    /**
     * Whether this trust policy lets the caller assume the role: some allow statement covers {@code sts:AssumeRole}
     * and names the caller in {@code principal.qcs}, and no deny statement does. The caller is
     * {@code qcs::cam::uin/<owner>:root} or {@code qcs::cam::uin/<owner>:uin/<sub-user>}; an entry naming an
     * account's root admits its sub-users too (see {@link Principals}). Conditions are judged with no facts, so a
     * condition on a request fact never holds here; {@link #trusts(String, Access.Facts)} judges them.
     */
    public boolean trusts(String principalQcs) {
        return trusts(principalQcs, null);
    }

    /** {@link #trusts(String)}, judging the statements' conditions against the AssumeRole request's facts. */
    public boolean trusts(String principalQcs, Access.Facts facts) {
        EvalContext c = EvalContext.of("sts:AssumeRole", null, facts);
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.principals == null || !s.coversAction(c) || !s.principals.admits(principalQcs)
                    || !s.conditionsHold(c)) {
                continue;
            }
            if (!s.allow) {
                return false;
            }
            allowed = true;
        }
        return allowed;
    }

    /** Whether a statement of this effect applies to the context. */
    boolean applies(boolean allow, EvalContext c) {
        for (Statement s : statements) {
            if (s.allow == allow && s.applies(c)) {
                return true;
            }
        }
        return false;
    }
}
