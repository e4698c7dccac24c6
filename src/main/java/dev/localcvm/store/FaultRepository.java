package dev.localcvm.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Fault-injection rules {@code {action, code, instanceId?, remaining}}: the next matching calls fail
 * with the code. A rule is used up by conditional decrements, so two replicas never spend one twice.
 */
public final class FaultRepository {
    private final Jdbi jdbi;

    public record Rule(String ruleId, String action, String code, String instanceId, int remaining) {
    }

    public FaultRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    public Rule add(String action, String code, String instanceId, int remaining, Instant now) {
        Rule rule = new Rule(UUID.randomUUID().toString(), action, code, instanceId, remaining);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO fault_rules (rule_id, action, code, instance_id, remaining, "
                        + "created_at) VALUES (:id, :action, :code, :instanceId, :remaining, :at)")
                .bind("id", rule.ruleId()).bind("action", action).bind("code", code).bind("instanceId", instanceId)
                .bind("remaining", remaining).bind("at", now.toEpochMilli()).execute());
        return rule;
    }

    public List<Rule> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT rule_id, action, code, instance_id, remaining FROM fault_rules "
                        + "ORDER BY created_at, rule_id")
                .map((rs, ctx) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list());
    }

    public void clear() {
        jdbi.useHandle(h -> h.execute("DELETE FROM fault_rules"));
    }

    /** Spends one use of the oldest rule matching the action (and one of the ids, when the rule names one). */
    public Optional<String> consume(String action, Collection<String> instanceIds) {
        List<Rule> candidates = jdbi.withHandle(h -> h.createQuery("SELECT rule_id, action, code, instance_id, remaining "
                        + "FROM fault_rules WHERE action = :action AND remaining > 0 ORDER BY created_at, rule_id")
                .bind("action", action)
                .map((rs, ctx) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list());
        List<Rule> matching = new ArrayList<>();
        for (Rule r : candidates) {
            if (r.instanceId() == null || instanceIds.contains(r.instanceId())) {
                matching.add(r);
            }
        }
        for (Rule r : matching) {
            int spent = jdbi.withHandle(h -> h.createUpdate("UPDATE fault_rules SET remaining = remaining - 1 "
                    + "WHERE rule_id = :id AND remaining > 0").bind("id", r.ruleId()).execute());
            if (spent == 1) {
                jdbi.useHandle(h -> h.createUpdate("DELETE FROM fault_rules WHERE rule_id = :id AND remaining = 0")
                        .bind("id", r.ruleId()).execute());
                return Optional.of(r.code());
            }
        }
        return Optional.empty();
    }
}
