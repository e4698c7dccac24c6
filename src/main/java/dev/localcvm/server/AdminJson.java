package dev.localcvm.server;

import dev.localcvm.cvm.InstanceAdmin;
import dev.localcvm.store.InstanceRepository;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * What every admin endpoint shares: reading a JSON body and its attributes, running the work on a worker
 * (it may touch the store), and answering 200, 404 for an unknown target, 400 for bad input, 409 for a
 * concurrent change.
 */
final class AdminJson {
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
                respond(ctx, 500, new JsonObject().put("error", String.valueOf(ar.cause().getMessage())));
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
            throw new BadRequest("the body must be a JSON object");
        }
    }

    static void known(JsonObject b, Set<String> names) {
        for (String key : b.fieldNames()) {
            if (!names.contains(key)) {
                throw new BadRequest("unknown attribute `" + key + "`; known: " + names);
            }
        }
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
        Integer v = nullableCount(b, key);
        if (v == null) {
            throw new BadRequest(key + " must be a whole number >= 0");
        }
        return v;
    }

    static Integer nullableCount(JsonObject b, String key) {
        Object v = b.getValue(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0
                || ((Number) v).longValue() > Integer.MAX_VALUE) {
            throw new BadRequest(key + " must be a whole number >= 0");
        }
        return ((Number) v).intValue();
    }
}
