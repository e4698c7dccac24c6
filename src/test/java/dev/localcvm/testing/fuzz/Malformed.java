package dev.localcvm.testing.fuzz;

import dev.localcvm.testing.fuzz.Wire.Key;
import dev.localcvm.testing.fuzz.Wire.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Requests broken below the API parameters: media types, signature headers and common parameters,
 * methods, sizes. The server must still answer each with the envelope (api3-protocol.md §9.1 steps 1-9).
 */
public final class Malformed {
    /** Kinds that are cheap to send, picked often. */
    public static final List<String> COMMON = List.of("content-type", "v1-content-type", "authorization",
            "tc3-headers", "v1-common", "method", "get-with-body");
    /** Kinds that send megabytes, picked rarely; each still runs once per run. */
    public static final List<String> OVERSIZE = List.of("query-40k", "headers-40k", "v1-body-1m", "tc3-body-10m",
            "query-1m", "header-2m");

    private Malformed() {
    }

    public static Wire build(String kind, SplittableRandom random, int port, Key key, long now, String region) {
        String json = "{\"Limit\":1}";
        String action = "DescribeInstances";
        return switch (kind) {
            case "content-type" -> {
                String type = pick(random, List.of("text/plain", "", " ", "application/jsonx", "application/json;",
                        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "APPLICATION/JSON",
                        "application/json; charset=utf-16", "*/*", "application", "json", "\u00e9/\u00e9"));
                yield Wire.tc3(port, key, now, "POST", action, region, "", Text.utf8(json), type, "Content-Type " + type);
            }
            case "v1-content-type" -> {
                Wire w = Wire.v1(port, key, now, true, action, region, null, List.of("Limit=1"), "");
                String type = pick(random, List.of("application/json", "text/plain", "multipart/form-data", "",
                        "application/x-www-form-urlencoded; charset=iso-8859-1", "application/x-www-form-urlencodedx"));
                yield with(w, "Content-Type", type, "v1 POST with Content-Type " + type);
            }
            case "authorization" -> {
                Wire w = Wire.tc3(port, key, now, "POST", action, region, "", Text.utf8(json), "application/json", "");
                String auth = w.headers().get("Authorization");
                String broken = pick(random, List.of("", "SKIP", "TC3-HMAC-SHA256", "TC3-HMAC-SHA256 ",
                        auth.replace("Signature=", "Signature=0"), auth.substring(0, random.nextInt(auth.length())),
                        auth.replace(key.secretId(), "AKID" + "x".repeat(random.nextInt(1, 300))),
                        auth.replace(key.secretId(), "bad id!"), auth.replace("/cvm/", "/\u00e9/"),
                        auth.replace("content-type;host", "host"), auth.replace(", ", ",,"),
                        "TC3-HMAC-SHA256 " + Hostile.randomChars(random, 30).replaceAll("[\\x00-\\x1f]", "x"),
                        auth + ", Extra=1", auth.replace("tc3_request", "tc3_request/x")));
                yield with(w, "Authorization", broken, "Authorization " + Text.shorten(broken, 120));
            }
            case "tc3-headers" -> {
                Wire w = Wire.tc3(port, key, now, "POST", action, region, "", Text.utf8(json), "application/json", "");
                String header = pick(random, List.of("X-TC-Action", "X-TC-Version", "X-TC-Timestamp", "X-TC-Region",
                        "X-TC-Token", "X-TC-Language", "Host"));
                String value = pick(random, List.of("", "abc", "-1", "99999999999999999999", "1e10", " " + now,
                        Long.toString(now - 301), Long.toString(now + 301), "2017-03-13", "describeinstances",
                        "\u00e9\u00e9", "x".repeat(5000), "zh-CN", "en-US", "ap-nowhere", "0"));
                // Changed after signing, so most of these also break the signature; the checks before it must hold.
                yield with(w, header, value.isEmpty() && random.nextBoolean() ? null : value,
                        header + " = " + Text.shorten(value, 40));
            }
            case "v1-common" -> {
                String pair = pick(random, List.of("Nonce=abc", "Nonce=", "Timestamp=99999999999999999999",
                        "Timestamp=-5", "SecretId=bad%20id", "SignatureMethod=HmacMD5", "Signature=", "Signature=%",
                        "Token=x", "Language=xx-XX", "Version=", "Action=", "RequestClient=%00"));
                Wire w = Wire.v1(port, key, now, random.nextBoolean(), action, region, null, List.of(), "");
                String form = w.body() != null ? new String(w.body(), java.nio.charset.StandardCharsets.UTF_8)
                        : w.target().substring(2);
                String name = pair.substring(0, pair.indexOf('='));
                String changed = form.replaceFirst("(^|&)" + name + "=[^&]*", "$1" + pair);
                if (changed.equals(form)) {
                    changed = form + "&" + pair;
                }
                if (random.nextInt(4) == 0) {
                    changed = changed.replaceFirst("(^|&)" + name + "=[^&]*", "");
                    pair = "without " + name;
                }
                yield w.body() != null
                        ? new Wire(Mode.MALFORMED_HTTP, action, "POST", "/", w.headers(), Text.utf8(changed), "v1 " + pair)
                        : new Wire(Mode.MALFORMED_HTTP, action, "GET", "/?" + changed, w.headers(), null, "v1 " + pair);
            }
            case "method" -> {
                String method = pick(random, List.of("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO", "PROPFIND"));
                Wire w = Wire.tc3(port, key, now, method, action, region, "", Text.utf8(json), "application/json", "");
                yield new Wire(Mode.MALFORMED_HTTP, action, method, "/", w.headers(), w.body(), "method " + method);
            }
            case "get-with-body" -> {
                Wire w = Wire.v1(port, key, now, false, action, region, null, List.of("Limit=1"), "");
                yield new Wire(Mode.MALFORMED_HTTP, action, "GET", w.target(), w.headers(), Text.utf8("Limit=2&x"),
                        "v1 GET with a body");
            }
            case "query-40k" -> Wire.v1(port, key, now, false, action, region, null,
                    List.of("Filters.0.Name=instance-name", "Filters.0.Values.0=" + "q".repeat(40_000)), "40 KB query");
            case "headers-40k" -> with(Wire.v1(port, key, now, false, action, region, null, List.of(), ""),
                    "X-Padding", "h".repeat(40_000), "40 KB header on a GET");
            case "v1-body-1m" -> Wire.v1(port, key, now, true, action, region, null,
                    List.of("Filters.0.Name=instance-name", "Filters.0.Values.0=" + "b".repeat(1024 * 1024)), "1 MiB v1 body");
            case "tc3-body-10m" -> Wire.tc3(port, key, now, "POST", action, region, "",
                    Text.utf8("{\"Filters\":[{\"Name\":\"instance-name\",\"Values\":[\"" + "b".repeat(10 * 1024 * 1024)
                            + "\"]}]}"), "application/json", "10 MiB TC3 body");
            case "query-1m" -> Wire.v1(port, key, now, false, action, region, null,
                    List.of("Filters.0.Name=instance-name", "Filters.0.Values.0=" + "q".repeat(1100 * 1024)), "1.1 MiB query");
            case "header-2m" -> with(Wire.tc3(port, key, now, "POST", action, region, "", Text.utf8(json),
                    "application/json", ""), "X-Padding", "h".repeat(2 * 1024 * 1024), "2 MiB header");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The wire with one header set (null removes it), marked as malformed HTTP. */
    private static Wire with(Wire w, String header, String value, String notes) {
        Map<String, String> headers = new LinkedHashMap<>(w.headers());
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value);
        }
        return new Wire(Mode.MALFORMED_HTTP, w.action(), w.method(), w.target(), headers, w.body(), notes);
    }

    private static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
