package dev.localcvm.api.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Binds the canonical JSON tree of a request to a request record (api3-protocol.md §3.3, §3.4).
 * Both encodings arrive here: form values are strings, so numbers and booleans are also read from
 * strings. {@code null} and empty arrays count as absent. Paths in messages use the flattened form
 * ({@code Filters.0.Values}), the one a v1 caller wrote.
 */
public final class ParamBinder {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final int MAX_INTEGER_CHARS = 40;
    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private final boolean ignoreUnknown;

    public ParamBinder(boolean ignoreUnknown) {
        this.ignoreUnknown = ignoreUnknown;
    }

    public <T extends Record> T bind(JsonNode tree, Class<T> type) {
        return type.cast(bindRecord(tree, type, ""));
    }

    private Object bindRecord(JsonNode node, Class<?> type, String path) {
        if (!node.isObject()) {
            throw ApiException.typeError(path);
        }
        RecordShape shape = SHAPES.computeIfAbsent(type, RecordShape::of);
        if (!ignoreUnknown) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!shape.index.containsKey(name)) {
                    throw ApiException.unknownParameter(join(path, Checks.quote(name)));
                }
            }
        }
        Object[] args = new Object[shape.names.size()];
        for (int i = 0; i < args.length; i++) {
            String name = shape.names.get(i);
            args[i] = bindValue(node.get(name), shape.types.get(i), join(path, name));
        }
        try {
            return shape.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    private Object bindValue(JsonNode node, Type type, String path) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            return null;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            if (!node.isArray()) {
                throw ApiException.typeError(path);
            }
            Type element = pt.getActualTypeArguments()[0];
            List<Object> values = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                Object v = bindValue(node.get(i), element, path + "." + i);
                if (v == null) {
                    throw ApiException.typeError(path + "." + i);
                }
                values.add(v);
            }
            return Collections.unmodifiableList(values);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == JsonNode.class) {
            // A structure of the official model that localcvm accepts and ignores: any shape is fine, as long as
            // its text is text (it may be kept and shown later).
            checkText(node, path);
            return node;
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                throw ApiException.typeError(path);
            }
            return wellFormed(node.textValue(), path);
        }
        if (raw == Long.class || raw == Integer.class) {
            BigInteger value = integerOf(node, path);
            try {
                return raw == Long.class ? (Object) value.longValueExact() : (Object) value.intValueExact();
            } catch (ArithmeticException e) {
                throw ApiException.typeError(path);
            }
        }
        if (raw == Boolean.class) {
            return booleanOf(node, path);
        }
        if (raw == Double.class) {
            double value = Double.NaN;
            if (node.isNumber()) {
                value = node.doubleValue();
            } else if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) {
                value = Double.parseDouble(node.textValue());
            }
            // 1e400 reads as infinity: out of any documented range, like a malformed number.
            if (!Double.isFinite(value)) {
                throw ApiException.typeError(path);
            }
            return value;
        }
        if (raw.isRecord()) {
            return bindRecord(node, raw, path);
        }
        throw new IllegalStateException("unsupported parameter type " + type + " at " + path);
    }

    /**
     * No string reaches an action unless it can be stored and written back as UTF-8: a lone surrogate
     * ({@code "\ud800"}) or a NUL is valid JSON and valid percent-encoding, but neither can be kept as text.
     */
    private static String wellFormed(String text, String path) {
        if (!Checks.wellFormed(text)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "`" + path + "` is not valid Unicode text (it holds an unpaired surrogate).");
        }
        // No parameter is binary, and PostgreSQL cannot store a NUL in text.
        if (text.indexOf('\u0000') >= 0) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`" + path + "` must not contain NUL characters.");
        }
        return text;
    }

    /** Every name and string in a structure kept as it is; iterative, since its depth is the caller's. */
    private static void checkText(JsonNode root, String path) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isTextual()) {
                wellFormed(node.textValue(), path);
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    wellFormed(field.getKey(), path);
                    pending.push(field.getValue());
                }
            } else if (node.isArray()) {
                node.forEach(pending::push);
            }
        }
    }

    private static BigInteger integerOf(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        // More digits than any 64-bit number has is out of range, and not worth a quadratic parse.
        if (node.isTextual() && node.textValue().length() <= MAX_INTEGER_CHARS
                && INTEGER.matcher(node.textValue()).matches()) {
            return new BigInteger(node.textValue());
        }
        throw ApiException.typeError(path);
    }

    private static Boolean booleanOf(JsonNode node, String path) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (s.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        throw ApiException.typeError(path);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The wire names, generic types and constructor of one request record, computed once. */
    private record RecordShape(List<String> names, List<Type> types, Map<String, Integer> index,
                               Constructor<?> constructor) {
        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            List<String> names = new ArrayList<>();
            List<Type> types = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                if (c.getType().isPrimitive()) {
                    throw new IllegalStateException(type.getName() + "." + c.getName()
                            + ": request records use boxed types, so that absent stays null");
                }
                Param override = c.getAnnotation(Param.class);
                String name = override != null ? override.value()
                        : Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1);
                names.add(name);
                types.add(c.getGenericType());
                index.put(name, i);
                raw[i] = c.getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                return new RecordShape(List.copyOf(names), List.copyOf(types), Map.copyOf(index), constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor for " + type.getName(), e);
            }
        }
    }
}
