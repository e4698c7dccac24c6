package dev.localcvm.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * SQL written with Jdbi's placeholders ({@code :name} for a value, {@code <name>} for a list) turned into a
 * plain JDBC statement's text and its values in order. The page query of DescribeInstances is built so by
 * {@code InstanceQuery}; run through Jdbi, its binding and result mapping were about half of the query's cost.
 * Quoted literals are copied as they are.
 */
final class NamedSql {
    final String sql;
    private final List<Object> values;

    private NamedSql(String sql, List<Object> values) {
        this.sql = sql;
        this.values = values;
    }

    /** @param params the values of the names; a {@link Collection} expands to one placeholder per element */
    static NamedSql of(String text, Map<String, Object> params) {
        StringBuilder out = new StringBuilder(text.length() + 32);
        List<Object> values = new ArrayList<>();
        int n = text.length();
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            if (c == '\'') {
                int end = text.indexOf('\'', k + 1);
                end = end < 0 ? n - 1 : end;
                out.append(text, k, end + 1);
                k = end;
            } else if (c == ':' && k + 1 < n && isNameChar(text.charAt(k + 1))) {
                int end = nameEnd(text, k + 1);
                values.add(value(params, text.substring(k + 1, end)));
                out.append('?');
                k = end - 1;
            } else if (c == '<' && k + 1 < n && isNameChar(text.charAt(k + 1)) && text.indexOf('>', k) == nameEnd(text, k + 1)) {
                int end = nameEnd(text, k + 1);
                Object list = value(params, text.substring(k + 1, end));
                if (!(list instanceof Collection<?> items) || items.isEmpty()) {
                    throw new IllegalArgumentException("not a non-empty list: " + text.substring(k + 1, end));
                }
                int first = 0;
                for (Object item : items) {
                    out.append(first++ == 0 ? "?" : ", ?");
                    values.add(item);
                }
                k = end; // the closing '>'
            } else {
                out.append(c);
            }
        }
        return new NamedSql(out.toString(), values);
    }

    /** Sets the values from parameter {@code first} on; returns the next free parameter index. */
    int bind(PreparedStatement s, int first) throws SQLException {
        int k = first;
        for (Object v : values) {
            if (v instanceof String str) {
                s.setString(k++, str);
            } else if (v instanceof Long l) {
                s.setLong(k++, l);
            } else if (v instanceof Integer i) {
                s.setInt(k++, i);
            } else {
                s.setObject(k++, v);
            }
        }
        return k;
    }

    private static Object value(Map<String, Object> params, String name) {
        if (!params.containsKey(name)) {
            throw new IllegalArgumentException("no value for :" + name);
        }
        return params.get(name);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int nameEnd(String text, int from) {
        int k = from;
        while (k < text.length() && isNameChar(text.charAt(k))) {
            k++;
        }
        return k;
    }
}
