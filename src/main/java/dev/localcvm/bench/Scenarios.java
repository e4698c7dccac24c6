package dev.localcvm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the scenarios ask of a server besides the measured load: the requests themselves (pre-signed), seeding
 * an account with instances, capturing a real answer for the bare endpoint to serve, an account with raised
 * rate limits, and scenario (d), RunInstances + TerminateInstances in batches of 100, whose answers must be
 * parsed and so is driven by the Vert.x client rather than the raw generator.
 */
final class Scenarios {
    static final String ZONE = "ap-guangzhou-3";
    static final String REGION = "ap-guangzhou";
    static final byte[] DESCRIBE_BODY = SignedCalls.json(Map.of(
            "Filters", List.of(Map.of("Name", "zone", "Values", List.of(ZONE))), "Limit", 100));
    static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    /** Far above anything two cores can offer: the limiter counts every request and refuses none. */
    static final int RAISED_LIMIT = 10_000_000;

    /** A server the load goes to: where it listens, its process (-1: unknown), the key it is driven with. */
    record Target(String name, String host, int port, long pid, SignedCalls calls) {
        InetSocketAddress address() {
            return new InetSocketAddress(host, port);
        }

        Supplier<byte[]> request(String action, byte[] body) {
            return calls.preSigned(action, body);
        }
    }

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final Consumer<String> progress;
    private final Map<Target, Integer> seeded = new HashMap<>();

    Scenarios(Vertx vertx, HttpClientAgent client, Consumer<String> progress) {
        this.vertx = vertx;
        this.client = client;
        this.progress = progress;
    }

    Target target(String name, String host, int port, long pid, String secretId, String secretKey) {
        return new Target(name, host, port, pid, new SignedCalls(client, host, port, secretId, secretKey, REGION));
    }

    /**
     * A new account on {@code server} whose limits for the measured actions are raised above any load here,
     * and a target driven with its key: with {@code --rate-limits on} every request then goes through the
     * limiter's bookkeeping and none is refused.
     */
    Target raisedLimitsAccount(Target server, String name) {
        JsonNode account = SignedCalls.parse(await(admin(server, "/_localcvm/accounts", "{\"Name\":\"bench\"}")));
        String uin = account.path("Uin").asText();
        Map<String, Integer> limits = new HashMap<>();
        for (String action : List.of("DescribeRegions", "DescribeInstances", "RunInstances", "TerminateInstances")) {
            limits.put(action, RAISED_LIMIT);
        }
        await(admin(server, "/_localcvm/accounts/" + uin + "/attributes",
                new String(SignedCalls.json(Map.of("rateLimits", limits)), StandardCharsets.UTF_8)));
        return target(name, server.host(), server.port(), server.pid(), account.path("SecretId").asText(),
                account.path("SecretKey").asText());
    }

    private Future<Buffer> admin(Target server, String path, String body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(server.host())
                .setPort(server.port()).setURI(path).putHeader("Content-Type", "application/json");
        return client.request(options).compose(req -> req.send(body)).compose(resp -> resp.statusCode() == 200
                ? resp.body() : resp.body().compose(b -> Future.failedFuture("admin " + path + " answered "
                + resp.statusCode() + ": " + b)));
    }

    /** A real answer of {@code server} to the request, checked to be no error: what the bare endpoint serves. */
    byte[] capture(Target server, String action, byte[] body) {
        Buffer answer = await(server.calls().send(action, body, true));
        JsonNode response = SignedCalls.parse(answer).path("Response");
        if (response.has("Error")) {
            throw new IllegalStateException(action + " answered an error: " + answer.toString(StandardCharsets.UTF_8));
        }
        return answer.getBytes();
    }

    /** A DescribeInstances page of {@code server} once its account holds {@code instances}, checked full. */
    byte[] describePage(Target server, int instances) {
        seedTo(server, instances);
        byte[] page = capture(server, "DescribeInstances", DESCRIBE_BODY);
        int expected = Math.min(100, instances / 2);
        if (SignedCalls.parse(Buffer.buffer(page)).path("Response").path("InstanceSet").size() != expected) {
            throw new IllegalStateException("DescribeInstances answered a page of other than " + expected + " instances");
        }
        return page;
    }

    /** (d) Each round launches 100 instances and terminates them; units are instances terminated. */
    RunResult terminate(Target server, int users, Duration warmup, Duration duration, String name) {
        byte[] run = SignedCalls.json(Map.of("Placement", Map.of("Zone", "ap-guangzhou-4"), "ImageId", "img-pmqg1cw7",
                "InstanceCount", 100));
        LoadRunner.Step step = () -> server.calls().call("RunInstances", run, true).compose(r -> {
            List<String> ids = new ArrayList<>();
            r.path("InstanceIdSet").forEach(n -> ids.add(n.asText()));
            return server.calls().call("TerminateInstances", SignedCalls.json(Map.of("InstanceIds", ids)), false)
                    .map(t -> (long) ids.size());
        });
        return LoadRunner.run(vertx, name, users, warmup, duration, step, 2, server.pid(), progress);
    }

    /** Launches instances in the account until it holds {@code instances}, half of them in {@link #ZONE}. */
    private void seedTo(Target server, int instances) {
        int done = seeded.getOrDefault(server, 0);
        while (done < instances) {
            int count = Math.min(500, instances - done);
            int half = count / 2;
            for (int[] part : new int[][] {{half, 0}, {count - half, 1}}) {
                if (part[0] == 0) {
                    continue;
                }
                byte[] body = SignedCalls.json(Map.of("Placement", Map.of("Zone", part[1] == 0 ? ZONE : "ap-guangzhou-4"),
                        "ImageId", "img-pmqg1cw7", "InstanceCount", part[0]));
                await(server.calls().call("RunInstances", body, false));
            }
            done += count;
            seeded.put(server, done);
            if (done % 10_000 == 0 || done == instances) {
                progress.accept("seeded " + done + " instances (" + server.name() + ")");
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
