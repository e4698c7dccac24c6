package dev.localcvm.cam.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One clause of a statement's {@code condition}: an operator (with its optional {@code for_any_value:} /
 * {@code for_all_value:} qualifier and {@code _if_exist} suffix), one key and its values, compiled at parse time.
 * A statement's clauses all have to hold (several operators, several keys under one operator: AND); the values of
 * one key are alternatives (OR), a negated operator holding when the request value equals none of them.
 *
 * <p>How a clause treats the request's values for its key:
 * <ul>
 * <li>no value (an absent key, or an untagged resource for qcs:resource_tag): the clause does not hold, except
 * with {@code _if_exist} (it holds), {@code null_equal} (it is what it tests) and {@code for_all_value:}, which
 * holds for no values at all (every one of none satisfies it);
 * <li>several values (tags) without a qualifier, or with {@code for_any_value:}: one value satisfying suffices;
 * <li>{@code for_all_value:}: every value has to satisfy.
 * </ul>
 */
final class Condition {
    private enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUE }

    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExist;
    private final String key;
    private final ConditionKeys.Kind kind;
    private final Object[] values;

    private Condition(ConditionOperator operator, Qualifier qualifier, boolean ifExist, String key, Object[] values) {
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExist = ifExist;
        this.key = key;
        this.kind = ConditionKeys.kind(key);
        this.values = values;
    }

    String key() {
        return key;
    }

    ConditionKeys.Kind kind() {
        return kind;
    }

    /** The clauses of a {@code condition} element; {@code where} names the element, e.g. statement[0].condition. */
    static List<Condition> parse(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_ERROR, where,
                    "must be an object of operators, e.g. {\"ip_equal\": {\"qcs:ip\": \"10.0.0.0/8\"}}");
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : node.properties()) {
            parseOperator(op.getKey(), op.getValue(), where + "." + op.getKey(), out);
        }
        return out;
    }

    private static void parseOperator(String text, JsonNode keys, String where, List<Condition> out) {
        Qualifier qualifier = Qualifier.NONE;
        String name = text;
        if (name.startsWith("for_any_value:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            name = name.substring("for_any_value:".length());
        } else if (name.startsWith("for_all_value:")) {
            qualifier = Qualifier.FOR_ALL_VALUE;
            name = name.substring("for_all_value:".length());
        }
        boolean ifExist = name.endsWith("_if_exist");
        ConditionOperator op = ConditionOperator.named(ifExist ? name.substring(0, name.length() - 9) : name);
        if (op == null) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR, where, PolicyErrors.quote(text)
                    + " is not a condition operator (string_equal, numeric_less_than, date_greater_than, ip_equal, "
                    + "bool_equal, null_equal, ...; optionally for_any_value: / for_all_value: before and _if_exist after)");
        }
        if (op == ConditionOperator.NULL_EQUAL && (ifExist || qualifier != Qualifier.NONE)) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR, where,
                    "null_equal takes neither a qualifier nor the _if_exist suffix");
        }
        if (!keys.isObject() || keys.isEmpty()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_ERROR, where,
                    "must be an object of condition keys and their values, e.g. {\"qcs:ip\": [\"10.0.0.0/8\"]}");
        }
        for (Map.Entry<String, JsonNode> e : keys.properties()) {
            String key = e.getKey();
            String at = where + "." + key;
            if (key.isEmpty() || key.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_ERROR, at,
                        "a condition key is non-empty and holds no spaces, e.g. qcs:ip");
            }
            ConditionKeys.Kind kind = ConditionKeys.kind(key);
            if (op != ConditionOperator.NULL_EQUAL && !kind.operatorTypes.contains(op.type)) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_TYPE_ERROR, at, "`" + op.wireName()
                        + "` does not apply to `" + key + "`, which takes " + operatorsOf(kind) + " and null_equal");
            }
            out.add(new Condition(op, qualifier, ifExist, key, compileValues(op, kind, e.getValue(), at)));
        }
    }

    private static String operatorsOf(ConditionKeys.Kind kind) {
        List<String> names = new ArrayList<>();
        for (ConditionOperator.Type t : kind.operatorTypes) {
            names.add(t == ConditionOperator.Type.IP ? "ip_equal, ip_not_equal"
                    : t == ConditionOperator.Type.BOOL || t == ConditionOperator.Type.BINARY
                    ? t.name().toLowerCase(java.util.Locale.ROOT) + "_equal"
                    : t.name().toLowerCase(java.util.Locale.ROOT) + "_*");
        }
        return String.join(", ", names);
    }

    private static Object[] compileValues(ConditionOperator op, ConditionKeys.Kind kind, JsonNode node, String where) {
        List<JsonNode> raw = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_ERROR, where, "names no value");
            }
            node.forEach(raw::add);
        } else {
            raw.add(node);
        }
        Object[] out = new Object[raw.size()];
        for (int i = 0; i < raw.size(); i++) {
            JsonNode v = raw.get(i);
            String at = node.isArray() ? where + "[" + i + "]" : where;
            if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_ERROR, at,
                        "a condition value is a string, a number or a boolean");
            }
            String text = v.asText();
            if ((kind == ConditionKeys.Kind.RESOURCE_TAG || kind == ConditionKeys.Kind.REQUEST_TAG)
                    && op.type == ConditionOperator.Type.STRING && op != ConditionOperator.STRING_LIKE
                    && op != ConditionOperator.STRING_NOT_LIKE && text.indexOf('&') < 0) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, at, PolicyErrors.quote(text)
                        + " is not a tag: write key&value");
            }
            if (kind == ConditionKeys.Kind.REGION && op.type == ConditionOperator.Type.STRING
                    && op != ConditionOperator.STRING_LIKE && op != ConditionOperator.STRING_NOT_LIKE) {
                text = ResourcePattern.regionName(text);
            }
            try {
                out[i] = op.compile(text);
            } catch (IllegalArgumentException e) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_CONDITION_CONTENT_ERROR, at,
                        PolicyErrors.quote(text) + " " + e.getMessage() + " (" + op.wireName() + ")");
            }
        }
        return out;
    }

    boolean holds(EvalContext c) {
        if (kind == ConditionKeys.Kind.UNKNOWN) {
            return false;
        }
        List<String> request = ConditionKeys.values(kind, c);
        if (operator == ConditionOperator.NULL_EQUAL) {
            Boolean absent = request.isEmpty();
            for (Object v : values) {
                if (v.equals(absent)) {
                    return true;
                }
            }
            return false;
        }
        if (request.isEmpty()) {
            return ifExist || qualifier == Qualifier.FOR_ALL_VALUE;
        }
        if (qualifier == Qualifier.FOR_ALL_VALUE) {
            for (String v : request) {
                if (!satisfies(v)) {
                    return false;
                }
            }
            return true;
        }
        for (String v : request) {
            if (satisfies(v)) {
                return true;
            }
        }
        return false;
    }

    private boolean satisfies(String requestValue) {
        Object request = operator.read(requestValue);
        if (request == null) {
            return false;
        }
        for (Object v : values) {
            if (operator.relates(request, v)) {
                return !operator.negated;
            }
        }
        return operator.negated;
    }
}
