package dev.localcvm.cam.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.localcvm.error.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads CAM policy syntax 2.0 (CAM's element reference): {@code version} ("2.0", required), {@code statement} (an
 * object or a non-empty array, required), an optional top-level {@code principal}; in a statement {@code effect}
 * (allow or deny), {@code action} and {@code resource} (a string or a non-empty array; resource may be left out
 * only where a principal is named: a role's trust policy), optional {@code condition} and {@code principal}.
 * Element names and reserved words are lower case, as the element reference requires; anything else is refused.
 */
final class PolicyParser {
    /** CAM's limit on one policy's syntax (use limits: "number of characters in one policy syntax"). */
    static final int MAX_CHARACTERS = 6144;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> TOP = Set.of("version", "statement", "principal");
    private static final Set<String> STATEMENT = Set.of("effect", "action", "resource", "condition", "principal");
    private static final String WHOLE = "PolicyDocument";

    record Parsed(List<Statement> statements, boolean principalNamed) {
    }

    private PolicyParser() {
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, WHOLE, "is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CHARACTERS) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_LENGTH_OVER_LIMIT, WHOLE, "is " + length
                    + " characters long; a policy holds at most " + MAX_CHARACTERS);
        }
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(text)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, WHOLE, "is not JSON: more "
                        + "follows the document at line " + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr());
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, WHOLE, "is not JSON" + where
                    + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, WHOLE,
                    "must be a JSON object with the elements version and statement");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP.contains(name)) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_POLICY_DOCUMENT_ERROR, name, "is not an element of a "
                        + "policy; a policy holds version, statement and principal, written in lower case");
            }
        }
        JsonNode version = root.get("version");
        if (version == null) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_VERSION_ERROR, "version", "is missing; write \"2.0\"");
        }
        if (!version.isTextual()) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_VERSION_ERROR, "version",
                    PolicyErrors.quote(version.toString()) + " is not a string; write \"2.0\"");
        }
        if (!version.asText().equals("2.0")) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_VERSION_ERROR, "version",
                    PolicyErrors.quote(version.asText()) + " is not supported; the only version is \"2.0\"");
        }
        JsonNode top = root.get("principal");
        Principals topPrincipals = top == null ? null : Principals.parse(top, "principal");
        JsonNode statement = root.get("statement");
        if (statement == null) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, "statement", "is missing");
        }
        List<Statement> out = new ArrayList<>();
        boolean principalNamed = topPrincipals != null;
        if (statement.isObject()) {
            out.add(statement(statement, "statement", topPrincipals));
        } else if (statement.isArray() && !statement.isEmpty()) {
            for (int i = 0; i < statement.size(); i++) {
                JsonNode s = statement.get(i);
                if (!s.isObject()) {
                    throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, "statement[" + i + "]",
                            "must be an object with effect, action and resource");
                }
                out.add(statement(s, "statement[" + i + "]", topPrincipals));
            }
        } else {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, "statement",
                    "must be an object or a non-empty array of objects");
        }
        for (Statement s : out) {
            principalNamed |= s.principals != null;
        }
        return new Parsed(List.copyOf(out), principalNamed);
    }

    private static Statement statement(JsonNode node, String where, Principals inherited) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!STATEMENT.contains(name)) {
                throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_STATEMENT_ERROR, where + "." + name, "is not an "
                        + "element of a statement; a statement holds effect, action, resource, condition and "
                        + "principal, written in lower case");
            }
        }
        JsonNode effect = node.get("effect");
        if (effect == null) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_EFFECT_ERROR, where + ".effect",
                    "is missing; write allow or deny");
        }
        if (!effect.isTextual() || !(effect.asText().equals("allow") || effect.asText().equals("deny"))) {
            throw PolicyErrors.at(ErrorCode.INVALID_PARAMETER_EFFECT_ERROR, where + ".effect",
                    PolicyErrors.quote(effect.isTextual() ? effect.asText() : effect.toString())
                            + " is neither allow nor deny (lower case)");
        }
        JsonNode principal = node.get("principal");
        Principals principals = principal == null ? inherited : Principals.parse(principal, where + ".principal");
        List<ActionPattern> actions = strings(node.get("action"), where + ".action",
                ErrorCode.INVALID_PARAMETER_ACTION_ERROR, "an action such as cvm:TerminateInstances or *",
                ActionPattern::parse);
        List<ResourcePattern> resources = null;
        JsonNode resource = node.get("resource");
        if (resource != null || principals == null) {
            resources = strings(resource, where + ".resource", ErrorCode.INVALID_PARAMETER_RESOURCE_ERROR,
                    "a resource such as * or qcs::cvm:ap-guangzhou:uin/100000000001:instance/*",
                    ResourcePattern::parse);
        }
        JsonNode condition = node.get("condition");
        List<Condition> conditions = condition == null ? List.of() : Condition.parse(condition, where + ".condition");
        return new Statement(effect.asText().equals("allow"), actions, resources, conditions, principals);
    }

    /** A string or a non-empty array of strings, each read by {@code reader}(value, where). */
    private static <T> List<T> strings(JsonNode node, String where, ErrorCode code, String example,
                                       BiFunction<String, String, T> reader) {
        if (node == null) {
            throw PolicyErrors.at(code, where, "is missing; write " + example);
        }
        List<T> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(reader.apply(node.asText(), where));
            return out;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw PolicyErrors.at(code, where, "must be a string or a non-empty array of strings, e.g. " + example);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isTextual()) {
                throw PolicyErrors.at(code, where + "[" + i + "]", PolicyErrors.quote(v.toString())
                        + " is not a string; write " + example);
            }
            out.add(reader.apply(v.asText(), where + "[" + i + "]"));
        }
        return out;
    }

    /** The condition keys a statement list uses, for {@link PolicyDocument#mentions}. */
    static Map<String, ConditionKeys.Kind> keys(List<Statement> statements) {
        Map<String, ConditionKeys.Kind> out = new HashMap<>();
        for (Statement s : statements) {
            for (Condition c : s.conditions) {
                out.put(c.key(), c.kind());
            }
        }
        return Map.copyOf(out);
    }
}
