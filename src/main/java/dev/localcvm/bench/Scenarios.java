package dev.localcvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scenarios of the load command: (a) a bare Vert.x endpoint, the machine's limit; (b) DescribeRegions;
 * (c) DescribeInstances with Limit 100 and a zone filter over growing instance counts, each next to the
 * bare endpoint serving the same bytes; (d) RunInstances + TerminateInstances in batches of 100.
 */
final class Scenarios {
    static final String ZONE = "ap-guangzhou-3";
    private static final byte[] DESCRIBE_BODY = SignedCalls.json(Map.of(
            "Filters", List.of(Map.of("Name", "zone", "Values", List.of(ZONE))), "Limit", 100));
    private static final byte[] EMPTY = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final SignedCalls calls;
    private final int users;
    private final Duration warmup;
    private final Duration duration;
    private final Consumer<String> progress;
    private int seeded;

    Scenarios(Vertx vertx, HttpClientAgent client, SignedCalls calls, int users, Duration warmup, Duration duration,
              Consumer<String> progress) {
        this.vertx = vertx;
        this.client = client;
        this.calls = calls;
        this.users = users;
        this.warmup = warmup;
        this.duration = duration;
        this.progress = progress;
    }

    /** A DescribeRegions-sized answer for the bare endpoint of (a). */
    static byte[] regionsLikeBody() {
        List<Map<String, String>> set = new ArrayList<>();
        dev.localcvm.cvm.RegionCatalog.regions().forEach(r -> set.add(Map.of("Region", r.region(), "RegionName",
                r.nameEn(), "RegionState", "AVAILABLE")));
        return SignedCalls.json(Map.of("Response", Map.of("TotalCount", set.size(), "RegionSet", set,
                "RequestId", java.util.UUID.randomUUID().toString())));
    }

    /** (a) A bare endpoint answering {@code bytes} to every POST, started here; no signature, no store. */
    LoadRunner.Result baseline(String name, byte[] bytes) {
        HttpServer bare = await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setTcpNoDelay(true))
                .requestHandler(req -> req.body().onComplete(b -> req.response()
                        .putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes))))
                .listen());
        try {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(bare.actualPort()).setURI("/").putHeader("Content-Type", "application/json");
            return LoadRunner.run(vertx, name, users, warmup, duration, () -> client.request(options)
                    .compose(req -> req.send(Buffer.buffer(DESCRIBE_BODY))).compose(resp -> resp.body())
                    .map(b -> 1L), progress);
        } finally {
            await(bare.close());
        }
    }

    /** (b) DescribeRegions: the gateway and the signature, no store. */
    LoadRunner.Result regions() {
        return LoadRunner.run(vertx, "DescribeRegions", users, warmup, duration,
                () -> calls.call("DescribeRegions", EMPTY, true).map(r -> 1L), progress);
    }

    /** One point of (c): the page's cost, and the bare endpoint serving the very same bytes. */
    record DescribePoint(int instances, LoadRunner.Result describe, LoadRunner.Result sameBytes, int responseBytes) {
    }

    /** (c) Seeds the account up to {@code instances} (half of them in the filtered zone), then measures. */
    DescribePoint describe(int instances) {
        seedTo(instances);
        Buffer sample = await(calls.send("DescribeInstances", DESCRIBE_BODY, true));
        JsonNode response = SignedCalls.parse(sample).path("Response");
        if (response.has("Error") || response.path("InstanceSet").size() != Math.min(100, instances / 2)) {
            throw new IllegalStateException("unexpected DescribeInstances answer: " + sample.toString().substring(0,
                    Math.min(300, sample.length())));
        }
        LoadRunner.Result describe = LoadRunner.run(vertx, "DescribeInstances@" + instances, users, warmup, duration,
                () -> calls.send("DescribeInstances", DESCRIBE_BODY, true).map(b -> {
                    // {"Response":{"Error"... : the 15th byte tells an error from a page without parsing it.
                    if (b.length() < 40 || b.getByte(14) == 'E') {
                        throw new IllegalStateException("error answer");
                    }
                    return 1L;
                }), progress);
        LoadRunner.Result same = baseline("bare, same bytes@" + instances, sample.getBytes());
        return new DescribePoint(instances, describe, same, sample.length());
    }

    /** (d) Each round launches 100 instances and terminates them; units are instances terminated. */
    LoadRunner.Result terminate() {
        byte[] run = SignedCalls.json(Map.of("Placement", Map.of("Zone", "ap-guangzhou-4"), "ImageId", "img-pmqg1cw7",
                "InstanceCount", 100));
        LoadRunner.Step step = () -> calls.call("RunInstances", run, true).compose(r -> {
            List<String> ids = new ArrayList<>();
            r.path("InstanceIdSet").forEach(n -> ids.add(n.asText()));
            return calls.call("TerminateInstances", SignedCalls.json(Map.of("InstanceIds", ids)), false)
                    .map(t -> (long) ids.size());
        });
        return LoadRunner.run(vertx, "Run+Terminate x100", users, warmup, duration, step, progress);
    }

    private void seedTo(int instances) {
        while (seeded < instances) {
            int count = Math.min(500, instances - seeded);
            int half = count / 2;
            for (int[] part : new int[][] {{half, 0}, {count - half, 1}}) {
                if (part[0] == 0) {
                    continue;
                }
                byte[] body = SignedCalls.json(Map.of("Placement", Map.of("Zone", part[1] == 0 ? ZONE : "ap-guangzhou-4"),
                        "ImageId", "img-pmqg1cw7", "InstanceCount", part[0]));
                await(calls.call("RunInstances", body, false));
            }
            seeded += count;
            if (seeded % 10_000 == 0 || seeded == instances) {
                progress.accept("seeded " + seeded + " instances");
            }
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(300, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
