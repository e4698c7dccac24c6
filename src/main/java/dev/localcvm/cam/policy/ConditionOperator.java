package dev.localcvm.cam.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * The condition operators CAM documents (condition keys and condition operators), without the
 * {@code for_any_value:} / {@code for_all_value:} qualifiers and the {@code _if_exist} suffix. A negated operator
 * ({@code string_not_equal}, ...) holds for a request value that relates to none of the condition's values.
 */
enum ConditionOperator {
    STRING_EQUAL(Type.STRING, Relation.EQ, false),
    STRING_NOT_EQUAL(Type.STRING, Relation.EQ, true),
    STRING_EQUAL_IGNORE_CASE(Type.STRING, Relation.EQ_IGNORE_CASE, false),
    STRING_NOT_EQUAL_IGNORE_CASE(Type.STRING, Relation.EQ_IGNORE_CASE, true),
    STRING_LIKE(Type.STRING, Relation.LIKE, false),
    STRING_NOT_LIKE(Type.STRING, Relation.LIKE, true),
    NUMERIC_EQUAL(Type.NUMERIC, Relation.EQ, false),
    NUMERIC_NOT_EQUAL(Type.NUMERIC, Relation.EQ, true),
    NUMERIC_LESS_THAN(Type.NUMERIC, Relation.LT, false),
    NUMERIC_LESS_THAN_EQUAL(Type.NUMERIC, Relation.LE, false),
    NUMERIC_GREATER_THAN(Type.NUMERIC, Relation.GT, false),
    NUMERIC_GREATER_THAN_EQUAL(Type.NUMERIC, Relation.GE, false),
    DATE_EQUAL(Type.DATE, Relation.EQ, false),
    DATE_NOT_EQUAL(Type.DATE, Relation.EQ, true),
    DATE_LESS_THAN(Type.DATE, Relation.LT, false),
    DATE_LESS_THAN_EQUAL(Type.DATE, Relation.LE, false),
    DATE_GREATER_THAN(Type.DATE, Relation.GT, false),
    DATE_GREATER_THAN_EQUAL(Type.DATE, Relation.GE, false),
    BOOL_EQUAL(Type.BOOL, Relation.EQ, false),
    BINARY_EQUAL(Type.BINARY, Relation.EQ, false),
    IP_EQUAL(Type.IP, Relation.EQ, false),
    IP_NOT_EQUAL(Type.IP, Relation.EQ, true),
    NULL_EQUAL(Type.NULL, Relation.EQ, false);

    enum Type { STRING, NUMERIC, DATE, BOOL, BINARY, IP, NULL }

    private enum Relation { EQ, EQ_IGNORE_CASE, LIKE, LT, LE, GT, GE }

    final Type type;
    private final Relation relation;
    final boolean negated;

    ConditionOperator(Type type, Relation relation, boolean negated) {
        this.type = type;
        this.relation = relation;
        this.negated = negated;
    }

    /** The operator as written in a policy, or null. */
    static ConditionOperator named(String name) {
        for (ConditionOperator o : values()) {
            if (o.wireName().equals(name)) {
                return o;
            }
        }
        return null;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A condition value compiled once, when the document is parsed.
     *
     * @throws IllegalArgumentException when the value cannot be one of this operator's (the reason as a predicate)
     */
    Object compile(String raw) {
        switch (type) {
            case STRING:
                return relation == Relation.LIKE ? Glob.like(raw) : raw;
            case NUMERIC:
                return number(raw);
            case DATE:
                return PolicyTime.parse(raw);
            case BOOL:
            case NULL:
                if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(raw.toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException("is not `true` or `false`");
            case BINARY:
                try {
                    Base64.getDecoder().decode(raw);
                    return raw;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("is not base64");
                }
            case IP:
                return IpRange.parse(raw);
            default:
                throw new IllegalStateException(type.name());
        }
    }

    private static BigDecimal number(String raw) {
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
    }

    /**
     * A request value read as this operator's type, or null when it is not one (an address that does not parse, a
     * number that is not one): such a value satisfies neither the operator nor its negation.
     */
    Object read(String requestValue) {
        switch (type) {
            case NUMERIC:
                try {
                    return number(requestValue);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case DATE:
                try {
                    return PolicyTime.parse(requestValue);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case BOOL:
                return requestValue.equals("true") || requestValue.equals("1") ? Boolean.TRUE
                        : requestValue.equals("false") || requestValue.equals("0") ? Boolean.FALSE : null;
            case IP:
                return IpRange.literal(requestValue);
            default:
                return requestValue;
        }
    }

    /** Whether a request value (from {@link #read}) stands in this operator's relation, ignoring negation. */
    boolean relates(Object request, Object value) {
        switch (type) {
            case STRING:
                if (relation == Relation.LIKE) {
                    return ((Glob) value).matches((String) request);
                }
                return relation == Relation.EQ ? request.equals(value)
                        : ((String) request).equalsIgnoreCase((String) value);
            case NUMERIC:
                return ordered(((BigDecimal) request).compareTo((BigDecimal) value));
            case DATE:
                return ordered(((Instant) request).compareTo((Instant) value));
            case IP:
                return ((IpRange) value).contains((byte[]) request);
            default:
                return request.equals(value);
        }
    }

    private boolean ordered(int cmp) {
        switch (relation) {
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case GT:
                return cmp > 0;
            case GE:
                return cmp >= 0;
            default:
                return cmp == 0;
        }
    }
}
