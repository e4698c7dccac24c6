package dev.localcvm.server;

import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.InstanceAdmin;
import dev.localcvm.store.InstanceRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every admin endpoint shares: reading a JSON body and its attributes, running the work on a worker
 * (it may touch the store), and answering 200, 404 for an unknown target, 400 for bad input, 409 for a
 * concurrent change. Every value is checked before anything changes, so a refused request changes nothing;
 * 500 is left for failures no body can cause.
 */
final class AdminJson {
    /**
     * The largest count an admin attribute takes (quotas, uses, ttlSeconds): far beyond any test's need, and
     * far enough below {@code Integer.MAX_VALUE} that adding a batch to it cannot overflow.
     */
    static final int MAX_COUNT = 1_000_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(AdminJson.class);

    private AdminJson() {
    }

    /** A refusal of the admin request itself: HTTP 400 with the reason. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Where admin work runs: on a worker of {@code vertx}; a request that may change the store answers once
     * its change is durable ({@code awaitDurable}), like an API write.
     */
    record Worker(Vertx vertx, Runnable awaitDurable) {
    }

    static void answer(Worker worker, RoutingContext ctx, Callable<Optional<JsonObject>> work) {
        boolean writes = ctx.request().method() != io.vertx.core.http.HttpMethod.GET;
        worker.vertx().executeBlocking(() -> {
            try {
                return work.call();
            } finally {
                if (writes) {
                    worker.awaitDurable().run();
                }
            }
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                if (ar.result().isPresent()) {
                    respond(ctx, 200, ar.result().get());
                } else {
                    respond(ctx, 404, new JsonObject().put("error", "not found"));
                }
            } else if (ar.cause() instanceof BadRequest || ar.cause() instanceof InstanceAdmin.BadAttribute) {
                respond(ctx, 400, new JsonObject().put("error", ar.cause().getMessage()));
            } else if (ar.cause() instanceof InstanceRepository.ConflictException) {
                respond(ctx, 409, new JsonObject().put("error", ar.cause().getMessage()));
            } else {
                LOG.error("admin {} {} failed", ctx.request().method(), ctx.request().path(), ar.cause());
                respond(ctx, 500, new JsonObject().put("error", "internal error: " + ar.cause().getClass().getSimpleName()));
            }
        });
    }

    static void respond(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonObject body(RoutingContext ctx) {
        String text = ctx.body().asString();
        if (text == null || text.isBlank()) {
            return new JsonObject();
        }
        try {
            return new JsonObject(text);
        } catch (RuntimeException e) {
            throw new BadRequest("the body must be a JSON object (at most 1000 levels deep)");
        }
    }

    /** The body of an endpoint that takes no attributes: empty, or an empty object. */
    static void noBody(RoutingContext ctx) {
        known(body(ctx), Set.of());
    }

    static void known(JsonObject b, Set<String> names) {
        for (String key : b.fieldNames()) {
            if (!names.contains(key)) {
                throw new BadRequest("unknown attribute `" + Checks.quote(key) + "`; known: " + new TreeSet<>(names));
            }
        }
    }

    /**
     * A whole number in [min, max] of any JSON form ({@code 5}, {@code 5.0}, {@code 5e0}); anything else,
     * fractions, {@code 1e400} and integers beyond a long included, is refused with {@code what}.
     */
    static long wholeNumber(Object v, long min, long max, String what) {
        BigDecimal d;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            d = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else if (v instanceof BigDecimal b) {
            d = b;
        } else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            d = BigDecimal.valueOf(((Number) v).doubleValue());
        } else {
            throw new BadRequest(what);
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0
                || d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new BadRequest(what);
        }
        return d.longValueExact();
    }

    /** An optional text attribute: absent or null gives null; else a string that passes {@link Checks#problem}. */
    static String text(JsonObject b, String key, int maxChars) {
        Object v = b.getValue(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new BadRequest(key + " must be a string");
        }
        String problem = Checks.problem(s, maxChars);
        if (problem != null) {
            throw new BadRequest(key + " " + problem);
        }
        return s;
    }

    static boolean bool(JsonObject b, String key, boolean current) {
        if (!b.containsKey(key)) {
            return current;
        }
        if (!(b.getValue(key) instanceof Boolean v)) {
            throw new BadRequest(key + " must be true or false");
        }
        return v;
    }

    static int count(JsonObject b, String key, int current) {
        if (!b.containsKey(key)) {
            return current;
        }
        return (int) wholeNumber(b.getValue(key), 0, MAX_COUNT, key + " must be a whole number from 0 to " + MAX_COUNT);
    }

    /** A count from 0 to {@link #MAX_COUNT}, or null when the attribute is null or absent. */
    static Integer nullableCount(JsonObject b, String key) {
        Object v = b.getValue(key);
        if (v == null) {
            return null;
        }
        return (int) wholeNumber(v, 0, MAX_COUNT, key + " must be a whole number from 0 to " + MAX_COUNT + " (or null)");
    }
}
