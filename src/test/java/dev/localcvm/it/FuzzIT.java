package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.api.Action;
import dev.localcvm.api.Product;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.TestServer;
import dev.localcvm.testing.TestStores;
import dev.localcvm.testing.fuzz.Cases;
import dev.localcvm.testing.fuzz.LogTap;
import dev.localcvm.testing.fuzz.Malformed;
import dev.localcvm.testing.fuzz.Seeds;
import dev.localcvm.testing.fuzz.Verdict;
import dev.localcvm.testing.fuzz.Wire;
import dev.localcvm.testing.fuzz.Wire.Mode;
import dev.localcvm.testing.fuzz.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fuzzing harness: valid seed requests of every served action, mutated, sent in the four request
 * modes and as broken HTTP. Every answer must be a well-formed envelope whose code is not an internal
 * error, and an answer that is not a successful write must leave every instance of both accounts as it
 * was. The server runs on a frozen clock with transitions of no duration, so nothing moves by time alone.
 *
 * <p>{@code -Dfuzz.cases=N -Dfuzz.seed=S} run it longer or again ({@code -Dfuzz.seed=random} draws a new seed;
 * by default the seed is fixed, so that the suite is deterministic); the seed is printed at start and named
 * in the failure with the case number and the request as sent. The run goes on after a failure and
 * groups what it met (an InternalError by the exception the server logged, anything else by what was
 * wrong and where), so that one run reports every kind of failure once, with its first request.
 */
class FuzzIT {
    /**
     * Cases per run by default: about 40 s per store on a 2-core machine busy with another build (the run
     * prints its time). Both stores' executions run it: PostgreSQL refuses values H2 stores (NUL in text),
     * but each of its requests costs about twice as much, so it gets half the cases.
     */
    static int defaultCases() {
        return TestStores.kind() == TestStores.Kind.POSTGRES ? 700 : 1500;
    }
    static final long DEFAULT_SEED = 20_261_206L;
    static final List<Mode> MODES = List.of(Mode.TC3_POST, Mode.TC3_GET, Mode.V1_POST, Mode.V1_GET);
    /** Codes that say a seed itself is malformed, not that an instance is in the wrong state for it. */
    static final List<String> BAD_SEED_CODES = List.of("InvalidParameter", "UnknownParameter", "MissingParameter",
            "InvalidAction", "InvalidParameterValue", "NoSuchVersion", "NoSuchProduct");

    private long seed;
    private int cases;
    private final Map<String, Failure> failures = new LinkedHashMap<>();
    private final Map<String, Integer> successes = new TreeMap<>();
    private int resets;

    /** The first case that showed one kind of failure, and where else it showed. */
    private static final class Failure {
        final String message;
        final TreeSet<String> seenOn = new TreeSet<>();
        int count = 1;

        Failure(String message) {
            this.message = message;
        }

        @Override
        public String toString() {
            return count + " case(s)";
        }
    }

    @Test
    void everyAnswerIsAnEnvelopeAndErrorsChangeNothing() throws Exception {
        // A fixed seed by default, so that the suite is the same on every run and a red build means a change broke
        // something; -Dfuzz.seed=random explores new cases by hand.
        String seedProperty = System.getProperty("fuzz.seed", "").trim();
        seed = seedProperty.isEmpty() ? DEFAULT_SEED : seedProperty.equals("random") ? new SplittableRandom().nextLong()
                : Long.decode(seedProperty);
        cases = Integer.getInteger("fuzz.cases", defaultCases());
        System.out.printf("FuzzIT: seed %d, %d cases (again: -Dfuzz.seed=%d -Dfuzz.cases=%d)%n", seed, cases, seed, cases);
        long started = System.nanoTime();
        var config = TestServer.config().withLifecycle(Duration.ZERO, false, 40, false);
        try (TestServer server = TestServer.start(config, ServerClock.fixedAt(Instant.now()));
             LogTap log = LogTap.attach()) {
            Map<String, Action<?>> actions = new TreeMap<>();
            for (Product p : server.server().products().served()) {
                assertThat(p.version().equals(Wire.VERSION) || p.version().equals(Wire.OTHER_VERSIONS.get(p.service())))
                        .as("the fuzz harness knows the version of " + p.service()).isTrue();
                p.actions().forEach((name, a) -> actions.put(Wire.key(p.service(), p.version(), name), a));
            }
            assertThat(actions.keySet().stream().filter(a -> !Seeds.covers(a)).map(a -> "add a seed for " + a
                    + " to the fuzz harness (" + Seeds.class.getName() + ")").toList())
                    .as("served actions without a fuzz seed").isEmpty();
            World world = World.create(server);
            checkSeeds(world, actions);
            run(server, world, actions, log);

            RawHttp.Response health = server.adminRaw("GET", "/_localcvm/health", null);
            if (health.status() != 200) {
                record("health check failed after the run", "-", -1, null,
                        "GET /_localcvm/health answered " + health.status() + " " + health.body());
            }
            try {
                world.read();
            } catch (World.ReadFailure e) {
                record("DescribeInstances fails after the run", "-", -1, null, e.getMessage());
            }
        }
        System.out.printf("FuzzIT: %d cases in %.1f s; successes by action %s; %d fixture resets%n",
                cases, (System.nanoTime() - started) / 1e9, successes, resets);
        StringBuilder report = new StringBuilder();
        failures.forEach((key, f) -> report.append("\n\n* ").append(key).append("\n  ").append(f.count)
                .append(" case(s), on ").append(f.seenOn).append('\n').append(f.message));
        assertThat(failures).as("FuzzIT seed %d: %d kinds of failure (again: -Dfuzz.seed=%d -Dfuzz.cases=%d)%s",
                seed, failures.size(), seed, cases, report).isEmpty();
    }

    private void run(TestServer server, World world, Map<String, Action<?>> actions, LogTap log) throws Exception {
        List<String> names = new ArrayList<>(actions.keySet());
        // Writes are drawn twice as often: they are where a hostile value gets stored and read back later.
        List<String> weighted = new ArrayList<>(names);
        names.stream().filter(a -> actions.get(a).writes()).forEach(weighted::add);
        List<String> malformed = new ArrayList<>(Malformed.COMMON);
        malformed.addAll(Malformed.OVERSIZE);
        Cases builder = new Cases(server.port(), world);
        int covered = names.size() * MODES.size();
        SplittableRandom master = new SplittableRandom(seed);
        for (int n = 0; n < cases; n++) {
            SplittableRandom random = master.split();
            World.Scope scope = pickScope(random, world);
            // First every action in every mode, then every kind of broken HTTP once, then anything.
            String kind = n >= covered && n < covered + malformed.size() ? malformed.get(n - covered)
                    : n >= covered && random.nextInt(100) < 8 ? pickMalformed(random) : null;
            String label;
            Wire wire;
            if (kind != null) {
                label = "malformed HTTP (" + kind + ")";
                wire = Malformed.build(kind, random, server.port(), scope.key(), world.now(), scope.region());
            } else {
                String action = n < covered ? names.get(n / MODES.size()) : weighted.get(random.nextInt(weighted.size()));
                Mode mode = n < covered ? MODES.get(n % MODES.size()) : pickMode(random);
                int r = random.nextInt(20);
                int mutations = r < 2 ? 0 : r < 12 ? 1 : r < 17 ? 2 : 3;
                label = action + " " + mode;
                wire = builder.api(random, mode, action, scope, mutations);
            }
            runCase(n, label, wire, scope, actions, world, server.port(), log);
            if ((n + 1) % 500 == 0) {
                System.out.printf("FuzzIT: %d cases, %d kinds of failure so far%n", n + 1, failures.size());
            }
        }
    }

    private void runCase(int n, String label, Wire wire, World.Scope scope, Map<String, Action<?>> actions,
                         World world, int port, LogTap log) throws Exception {
        Verdict verdict;
        try {
            verdict = Verdict.of(wire.send(port));
        } catch (Exception e) {
            verdict = new Verdict("no HTTP answer", e.toString(), null, null);
        }
        String cause = log.take(verdict.requestId());
        if (verdict.problem() != null) {
            // Grouped by the exception and where it was thrown; its message (the input) varies by case.
            String key = verdict.problem() + (cause != null ? ": " + cause.substring(0, cause.indexOf(": "))
                    : "InternalError".equals(verdict.code()) ? " (no exception logged)" : " on " + label);
            record(key, label, n, wire, "answer: " + verdict.detail() + (cause == null ? "" : "\n  server logged: " + cause));
        }
        // HTTP trims header values, so " TerminateInstances" in X-TC-Action is TerminateInstances.
        Action<?> action = actions.get(wire.action().trim());
        boolean mayChange = verdict.success() && wire.mode() != Mode.MALFORMED_HTTP && action != null && action.writes();
        if (verdict.success() && action != null) {
            successes.merge(wire.action().trim(), 1, Integer::sum);
        }
        var before = world.view();
        try {
            var after = world.refresh();
            String difference = mayChange ? null : World.difference(before, after);
            if (difference != null) {
                record("state changed by " + (verdict.success() ? "a successful read" : "a refused request"), label, n,
                        wire, "answer: " + verdict.detail() + "\n  change: " + difference);
            }
            // A write may change its caller's instances (in any region: a header value " ap-guangzhou" is
            // ap-guangzhou), never another account's.
            String elsewhere = mayChange ? World.difference(World.without(before, scope.key()),
                    World.without(after, scope.key())) : null;
            if (elsewhere != null) {
                record("another account's instances changed by a successful write", label, n, wire,
                        "answer: " + verdict.detail() + "\n  change: " + elsewhere);
            }
        } catch (World.ReadFailure e) {
            // A value this case stored (or a broken store) spoils every later read: report, then start afresh.
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("RequestId\":\"([0-9a-f-]{36})").matcher(e.getMessage());
            String readCause = id.find() ? log.take(id.group(1)) : null;
            record("DescribeInstances fails after a " + (verdict.success() ? "successful" : "refused") + " request",
                    label, n, wire, "answer to the case: " + verdict.detail() + "\n  then " + e.getMessage()
                            + (readCause == null ? "" : "\n  server logged: " + readCause));
            reset(world);
            return;
        }
        if (world.worn()) {
            reset(world);
        }
    }

    private void reset(World world) throws Exception {
        world.reset();
        resets++;
    }

    private void record(String key, String label, int n, Wire wire, String detail) {
        Failure known = failures.get(key);
        if (known == null) {
            String where = n < 0 ? "after the last case" : "first at case " + n;
            known = new Failure("  " + where + " of seed " + seed + "\n  request: "
                    + (wire == null ? "-" : wire.describe()) + "\n  " + detail);
            failures.put(key, known);
        } else {
            known.count++;
        }
        known.seenOn.add(label);
    }

    /** Each seed as it is, once: it must reach the action (a state refusal is fine, a parameter error is not). */
    private void checkSeeds(World world, Map<String, Action<?>> actions) throws Exception {
        World.Scope scope = world.scopes().get(0);
        for (String action : actions.keySet()) {
            for (String json : Seeds.all(action, new Seeds.Context(scope.region(), scope.zone(), world.ids(scope), world.diskIds(scope),
                    world.addressIds(scope), world.vpcId(scope),
                    new SplittableRandom(seed)))) {
                Verdict v = Verdict.of(world.call(scope, action, json));
                assertThat(v.problem()).as("seed %s %s: %s", action, json, v.detail()).isNull();
                assertThat(v.code()).as("seed %s %s must be valid: %s", action, json, v.detail())
                        .isNotIn(BAD_SEED_CODES);
            }
        }
        world.reset();
    }

    private static World.Scope pickScope(SplittableRandom random, World world) {
        // Mostly the default account's main region, where most fixtures are; the others see foreign ids.
        List<World.Scope> scopes = world.scopes();
        return random.nextInt(10) < 6 ? scopes.get(0) : scopes.get(1 + random.nextInt(scopes.size() - 1));
    }

    private static Mode pickMode(SplittableRandom random) {
        // TC3 POST, the SDKs' default, is the only mode whose strings can carry lone surrogates: drawn more.
        int r = random.nextInt(5);
        return r < 2 ? Mode.TC3_POST : MODES.get(r - 1);
    }

    private static String pickMalformed(SplittableRandom random) {
        // Oversize requests cost megabytes each: about one in 200 broken requests.
        if (random.nextInt(200) == 0) {
            return Malformed.OVERSIZE.get(random.nextInt(Malformed.OVERSIZE.size()));
        }
        return Malformed.COMMON.get(random.nextInt(Malformed.COMMON.size()));
    }
}
