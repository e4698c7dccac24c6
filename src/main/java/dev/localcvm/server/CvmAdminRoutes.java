package dev.localcvm.server;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.InstanceAdmin;
import dev.localcvm.cvm.RegionCatalog;
import dev.localcvm.cvm.domain.AccountAttributes;
import dev.localcvm.cvm.domain.Instance;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The admin endpoints that set what only the platform or the account can cause (cvm-terminate.md §2),
 * and fault injection. Each answers the resulting object, 404 for an unknown target, 400 for bad input.
 */
final class CvmAdminRoutes {
    private static final Set<String> MFA_VALUES = Set.of("MISSING", "EXPIRED", "FAILED");
    private final Vertx vertx;
    private final ServerClock clock;
    private final CvmService service;
    private final AccountService accounts;
    private final InstanceAdmin instances;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    CvmAdminRoutes(Vertx vertx, ServerClock clock, CvmService service, AccountService accounts) {
        this.vertx = vertx;
        this.clock = clock;
        this.service = service;
        this.accounts = accounts;
        this.instances = new InstanceAdmin(service);
    }

    /** A refusal of the admin request itself: HTTP 400 with the reason. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    void mount(Router router, String prefix) {
        router.get(prefix + "/instances/:id").handler(ctx -> answer(ctx, () ->
                instances.find(ctx.pathParam("id"), clock.instant()).map(this::view)));
        router.post(prefix + "/instances/:id/attributes").handler(ctx -> answer(ctx, () ->
                instances.setAttributes(ctx.pathParam("id"), body(ctx).getMap(), clock.instant()).map(this::view)));
        router.post(prefix + "/instances/:id/recover").handler(ctx -> answer(ctx, () ->
                instances.recover(ctx.pathParam("id"), clock.instant()).map(this::view)));
        router.post(prefix + "/accounts/:uin/attributes").handler(this::accountAttributes);
        router.post(prefix + "/accounts/:uin/temporary-keys").handler(this::temporaryKey);
        router.post(prefix + "/credentials/:secretId/attributes").handler(this::credentialAttributes);
        router.post(prefix + "/regions/:region/attributes").handler(this::regionAttributes);
        router.post(prefix + "/faults").handler(this::addFault);
        router.get(prefix + "/faults").handler(ctx -> answer(ctx, () -> Optional.of(new JsonObject()
                .put("Rules", new JsonArray(service.faults().list().stream().map(JsonObject::mapFrom).toList())))));
        router.delete(prefix + "/faults").handler(ctx -> answer(ctx, () -> {
            service.faults().clear();
            return Optional.of(new JsonObject().put("cleared", true));
        }));
    }

    private void accountAttributes(RoutingContext ctx) {
        answer(ctx, () -> {
            String uin = ctx.pathParam("uin");
            JsonObject b = body(ctx);
            known(b, Set.of("appIdInvalid", "eipReleaseEnabled", "unpaidOrder", "returnQuota", "returnsUsed",
                    "terminateQuota", "instanceQuota", "failNextLaunches"));
            if (accounts.findAccount(uin).isEmpty()) {
                return Optional.empty();
            }
            AccountAttributes a = service.attributes().account(uin);
            AccountAttributes changed = new AccountAttributes(bool(b, "appIdInvalid", a.appIdInvalid()),
                    bool(b, "eipReleaseEnabled", a.eipReleaseEnabled()), bool(b, "unpaidOrder", a.unpaidOrder()),
                    count(b, "returnQuota", a.returnQuota()), count(b, "returnsUsed", a.returnsUsed()),
                    b.containsKey("terminateQuota") ? nullableCount(b, "terminateQuota") : a.terminateQuota(),
                    b.containsKey("instanceQuota") ? nullableCount(b, "instanceQuota") : a.instanceQuota(),
                    count(b, "failNextLaunches", a.failNextLaunches()));
            service.attributes().saveAccount(uin, changed);
            return Optional.of(JsonObject.mapFrom(service.attributes().account(uin)));
        });
    }

    private void temporaryKey(RoutingContext ctx) {
        answer(ctx, () -> {
            String uin = ctx.pathParam("uin");
            JsonObject b = body(ctx);
            known(b, Set.of("ttlSeconds"));
            if (accounts.findAccount(uin).isEmpty()) {
                return Optional.empty();
            }
            ApiKey key = accounts.createTemporaryKey(uin, Duration.ofSeconds(count(b, "ttlSeconds", 3600)));
            return Optional.of(new JsonObject().put("SecretId", key.secretId()).put("SecretKey", key.secretKey())
                    .put("Token", key.token()).put("ExpiredTime", key.tokenExpiresAt().getEpochSecond()));
        });
    }

    private void credentialAttributes(RoutingContext ctx) {
        answer(ctx, () -> {
            String secretId = ctx.pathParam("secretId");
            JsonObject b = body(ctx);
            known(b, Set.of("mfa"));
            Object mfa = b.getValue("mfa");
            if (mfa != null && !MFA_VALUES.contains(String.valueOf(mfa))) {
                throw new BadRequest("mfa must be null, MISSING, EXPIRED or FAILED");
            }
            if (accounts.findKey(secretId).isEmpty()) {
                return Optional.empty();
            }
            accounts.setMfa(secretId, (String) mfa);
            return Optional.of(new JsonObject().put("SecretId", secretId).put("mfa", mfa));
        });
    }

    private void regionAttributes(RoutingContext ctx) {
        answer(ctx, () -> {
            String region = ctx.pathParam("region");
            JsonObject b = body(ctx);
            known(b, Set.of("terminateDisabled"));
            if (RegionCatalog.region(region).isEmpty()) {
                return Optional.empty();
            }
            service.attributes().setRegionTerminateDisabled(region, bool(b, "terminateDisabled", false));
            return Optional.of(new JsonObject().put("region", region)
                    .put("terminateDisabled", service.attributes().regionTerminateDisabled(region)));
        });
    }

    private void addFault(RoutingContext ctx) {
        answer(ctx, () -> {
            JsonObject b = body(ctx);
            known(b, Set.of("action", "code", "instanceId", "remaining"));
            if (!(b.getValue("action") instanceof String action) || !(b.getValue("code") instanceof String code)) {
                throw new BadRequest("action and code are required strings");
            }
            Object instanceId = b.getValue("instanceId");
            if (instanceId != null && !(instanceId instanceof String)) {
                throw new BadRequest("instanceId must be a string");
            }
            int remaining = count(b, "remaining", 1);
            return Optional.of(JsonObject.mapFrom(service.faults().add(action, code, (String) instanceId, remaining,
                    clock.instant())));
        });
    }

    private JsonObject view(Instance i) {
        return new JsonObject(json.convertValue(i, java.util.Map.class));
    }

    private static JsonObject body(RoutingContext ctx) {
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

    private static void known(JsonObject b, Set<String> names) {
        for (String key : b.fieldNames()) {
            if (!names.contains(key)) {
                throw new BadRequest("unknown attribute `" + key + "`; known: " + names);
            }
        }
    }

    private static boolean bool(JsonObject b, String key, boolean current) {
        if (!b.containsKey(key)) {
            return current;
        }
        if (!(b.getValue(key) instanceof Boolean v)) {
            throw new BadRequest(key + " must be true or false");
        }
        return v;
    }

    private static int count(JsonObject b, String key, int current) {
        if (!b.containsKey(key)) {
            return current;
        }
        Integer v = nullableCount(b, key);
        if (v == null) {
            throw new BadRequest(key + " must be a whole number >= 0");
        }
        return v;
    }

    private static Integer nullableCount(JsonObject b, String key) {
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

    private void answer(RoutingContext ctx, Callable<Optional<JsonObject>> work) {
        vertx.executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                if (ar.result().isPresent()) {
                    respond(ctx, 200, ar.result().get());
                } else {
                    respond(ctx, 404, new JsonObject().put("error", "not found"));
                }
            } else if (ar.cause() instanceof BadRequest || ar.cause() instanceof InstanceAdmin.BadAttribute) {
                respond(ctx, 400, new JsonObject().put("error", ar.cause().getMessage()));
            } else if (ar.cause() instanceof dev.localcvm.store.InstanceRepository.ConflictException) {
                respond(ctx, 409, new JsonObject().put("error", ar.cause().getMessage()));
            } else {
                respond(ctx, 500, new JsonObject().put("error", String.valueOf(ar.cause().getMessage())));
            }
        });
    }

    private static void respond(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
