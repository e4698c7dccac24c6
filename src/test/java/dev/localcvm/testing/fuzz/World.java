package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instances the fuzzer works on: two accounts in two regions, created through the API, and a view
 * of all of them (DescribeInstances per account and region) to compare before and after each case.
 * All calls here are raw signed TC3 requests stamped with the server's frozen clock, so that a long run
 * never meets the 300 s signature skew that an SDK stamping real time would.
 */
public final class World {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An account in a region, with a zone to launch in and how many instances it starts with. */
    public record Scope(Wire.Key key, String region, String zone, int fixtures) {
        public String name() {
            return key.name() + "/" + region;
        }
    }

    /** Why a read of the world failed: the request's answer, for the report. */
    public static final class ReadFailure extends Exception {
        public ReadFailure(String message) {
            super(message);
        }
    }

    private final TestServer server;
    private final List<Scope> scopes;
    /** scope name -> instance id -> the instance as DescribeInstances renders it. */
    private static final Pattern DISK_ID = Pattern.compile("\"DiskId\":\"(disk-[a-z0-9]{8})\"");
    private Map<String, Map<String, String>> view = Map.of();
    private final Map<String, List<String>> addresses = new TreeMap<>();
    private final Map<String, String> vpcs = new TreeMap<>();

    private World(TestServer server, List<Scope> scopes) {
        this.server = server;
        this.scopes = scopes;
    }

    /**
     * Creates the second account and the fixtures, and takes the first view. Three scopes: each costs a
     * DescribeInstances per case, and these three already give every caller ids of another account and of
     * another region.
     */
    public static World create(TestServer server) throws Exception {
        Wire.Key a = new Wire.Key("A", "default", server.secretId(), server.secretKey());
        JsonObject b = server.admin("POST", "/_localcvm/accounts", new JsonObject().put("Name", "fuzz-b"));
        Wire.Key bKey = new Wire.Key("B", b.getString("Uin"), b.getString("SecretId"), b.getString("SecretKey"));
        World world = new World(server, List.of(
                new Scope(a, "ap-guangzhou", "ap-guangzhou-3", 4),
                new Scope(a, "ap-shanghai", "ap-shanghai-2", 2),
                new Scope(bKey, "ap-guangzhou", "ap-guangzhou-4", 2)));
        world.populate();
        return world;
    }

    public List<Scope> scopes() {
        return scopes;
    }

    public long now() {
        return server.server().clock().unadvanced().millis() / 1000;
    }

    /** Empties the store and launches the fixtures again: one running-postpaid set, a prepaid and a stopped one. */
    public void reset() throws Exception {
        server.admin("POST", "/_localcvm/reset", null);
        populate();
    }

    private void populate() throws Exception {
        for (Scope s : scopes) {
            if (s.fixtures() == 0) {
                continue;
            }
            JsonNode r = ok(s, "RunInstances", "{\"Placement\":{\"Zone\":\"" + s.zone() + "\"},\"ImageId\":\"img-pmqg1cw7\","
                    + "\"InstanceChargeType\":\"POSTPAID_BY_HOUR\",\"InstanceName\":\"fuzz\","
                    + "\"DataDisks\":[{\"DiskSize\":50,\"DeleteWithInstance\":false}],\"InstanceCount\":"
                    + (s.fixtures() - 1) + "}");
            String first = r.path("InstanceIdSet").path(0).asText();
            ok(s, "RunInstances", "{\"Placement\":{\"Zone\":\"" + s.zone() + "\"},\"ImageId\":\"img-pmqg1cw7\","
                    + "\"InstanceChargeType\":\"PREPAID\",\"InstanceChargePrepaid\":{\"Period\":1}}");
            ok(s, "StopInstances", "{\"InstanceIds\":[\"" + first + "\"]}");
            List<String> eips = new ArrayList<>();
            ok(s, "AllocateAddresses", "{\"AddressCount\":2}").path("AddressSet").forEach(a -> eips.add(a.asText()));
            addresses.put(s.name(), eips);
            vpcs.put(s.name(), ok(s, "DescribeVpcs", "{}").path("VpcSet").path(0).path("VpcId").asText());
        }
        view = read();
    }

    private JsonNode ok(Scope s, String action, String json) throws Exception {
        RawHttp.Response r = call(s, action, json);
        JsonNode response = MAPPER.readTree(r.body()).path("Response");
        if (r.status() != 200 || response.has("Error")) {
            throw new IllegalStateException("fixture call " + action + " " + json + " -> " + r.status() + " " + r.body());
        }
        return response;
    }

    public RawHttp.Response call(Scope s, String action, String json) throws IOException {
        return Wire.tc3Post(server.port(), s.key(), now(), action, s.region(), Text.utf8(json), "").send(server.port());
    }

    /** The last view taken. */
    public Map<String, Map<String, String>> view() {
        return view;
    }

    /** Takes a new view and keeps it. */
    public Map<String, Map<String, String>> refresh() throws ReadFailure {
        view = read();
        return view;
    }

    /** Every instance of every scope, as rendered; the clock stands still, so nothing here moves by itself. */
    public Map<String, Map<String, String>> read() throws ReadFailure {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (Scope s : scopes) {
            Map<String, String> instances = new TreeMap<>();
            for (int offset = 0; ; offset += 100) {
                String body;
                JsonNode response;
                try {
                    RawHttp.Response r = call(s, "DescribeInstances", "{\"Offset\":" + offset + ",\"Limit\":100}");
                    body = r.body();
                    response = r.status() == 200 ? MAPPER.readTree(body).path("Response") : null;
                } catch (IOException e) {
                    throw new ReadFailure("DescribeInstances of " + s.name() + " failed: " + e);
                }
                if (response == null || !response.has("InstanceSet")) {
                    throw new ReadFailure("DescribeInstances of " + s.name() + " answered " + Text.shorten(body, 500));
                }
                for (JsonNode i : response.get("InstanceSet")) {
                    instances.put(i.path("InstanceId").asText(), i.toString());
                }
                if (offset + 100 >= response.path("TotalCount").asLong()) {
                    break;
                }
            }
            out.put(s.name(), instances);
        }
        return out;
    }

    /** Ids of the scope in the last view, whatever their state. */
    public List<String> ids(Scope s) {
        return new ArrayList<>(view.getOrDefault(s.name(), Map.of()).keySet());
    }

    /** The elastic IPs allocated for the scope when the fixtures were made (some may be gone since). */
    public List<String> addressIds(Scope s) {
        return addresses.getOrDefault(s.name(), List.of());
    }

    /** The scope's default VPC. */
    public String vpcId(Scope s) {
        return vpcs.getOrDefault(s.name(), "vpc-00000000");
    }

    /** The data disks the scope's instances show (system disks too: a refusal of those is a seed too). */
    public List<String> diskIds(Scope s) {
        List<String> out = new ArrayList<>();
        view.getOrDefault(s.name(), Map.of()).values().forEach(rendered -> {
            Matcher m = DISK_ID.matcher(rendered);
            while (m.find()) {
                out.add(m.group(1));
            }
        });
        return out;
    }

    /** Ids of every other scope: another account's, or this account's in another region. */
    public List<String> foreignIds(Scope s) {
        List<String> out = new ArrayList<>();
        view.forEach((name, instances) -> {
            if (!name.equals(s.name())) {
                out.addAll(instances.keySet());
            }
        });
        return out;
    }

    /**
     * Whether the fixtures need launching again: a scope lost all its steady instances (so seeds would
     * only meet NotFound) or holds many (launches stay clear of the quota and the views small).
     */
    public boolean worn() {
        for (Scope s : scopes) {
            Map<String, String> instances = view.getOrDefault(s.name(), Map.of());
            long steady = instances.values().stream()
                    .filter(j -> j.contains("\"InstanceState\":\"RUNNING\"") || j.contains("\"InstanceState\":\"STOPPED\""))
                    .count();
            if (instances.size() > 25 || (s.fixtures() > 0 && steady < 2)) {
                return true;
            }
        }
        return false;
    }

    /** The view without the scopes of this account. */
    public static Map<String, Map<String, String>> without(Map<String, Map<String, String>> view, Wire.Key key) {
        Map<String, Map<String, String>> out = new TreeMap<>(view);
        out.keySet().removeIf(name -> name.startsWith(key.name() + "/"));
        return out;
    }

    /** The first difference between two views, or null when they are equal. */
    public static String difference(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        for (String scope : before.keySet()) {
            Map<String, String> b = before.get(scope);
            Map<String, String> a = after.getOrDefault(scope, Map.of());
            for (String id : b.keySet()) {
                if (!a.containsKey(id)) {
                    return scope + ": " + id + " disappeared";
                }
                if (!a.get(id).equals(b.get(id))) {
                    return scope + ": " + id + " changed from " + Text.shorten(b.get(id), 1500) + "\n      to "
                            + Text.shorten(a.get(id), 1500);
                }
            }
            for (Iterator<String> it = a.keySet().iterator(); it.hasNext(); ) {
                String id = it.next();
                if (!b.containsKey(id)) {
                    return scope + ": " + id + " appeared: " + Text.shorten(a.get(id), 1500);
                }
            }
        }
        return null;
    }
}
