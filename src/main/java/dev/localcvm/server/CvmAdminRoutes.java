package dev.localcvm.server;

import static dev.localcvm.server.AdminJson.answer;
import static dev.localcvm.server.AdminJson.body;
import static dev.localcvm.server.AdminJson.bool;
import static dev.localcvm.server.AdminJson.count;
import static dev.localcvm.server.AdminJson.known;
import static dev.localcvm.server.AdminJson.noBody;
import static dev.localcvm.server.AdminJson.nullableCount;
import static dev.localcvm.server.AdminJson.text;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.account.KeyRestrictions;
import dev.localcvm.api.RateLimiter;
import dev.localcvm.server.AdminJson.BadRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.cvm.InstanceAdmin;
import dev.localcvm.cvm.RegionCatalog;
import dev.localcvm.cvm.domain.AccountAttributes;
import dev.localcvm.cvm.domain.Instance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The admin endpoints that set what only the platform or the account can cause (cvm-terminate.md §2),
 * and fault injection. Each answers the resulting object, 404 for an unknown target, 400 for bad input.
 */
final class CvmAdminRoutes {
    private static final Set<String> MFA_VALUES = Set.of("MISSING", "EXPIRED", "FAILED");
    private static final int MAX_DENIED = 50;
    private static final java.util.regex.Pattern DENIED_PATTERN =
            java.util.regex.Pattern.compile("([a-z*][a-z0-9*]*:)?[A-Za-z*][A-Za-z0-9*]*");
    private final AdminJson.Worker worker;
    private final ServerClock clock;
    private final CvmService service;
    private final AccountService accounts;
    private final InstanceAdmin instances;
    private final RateLimiter rateLimiter;
    private final RateLimitsAttribute rateLimits;

    CvmAdminRoutes(AdminJson.Worker worker, ServerClock clock, CvmService service, AccountService accounts,
                   RateLimiter rateLimiter, RateLimitsAttribute rateLimits) {
        this.worker = worker;
        this.rateLimiter = rateLimiter;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.service = service;
        this.accounts = accounts;
        this.instances = new InstanceAdmin(service);
    }

    void mount(Router router, String prefix) {
        router.get(prefix + "/instances/:id").handler(ctx -> answer(worker, ctx, () ->
                instances.find(ctx.pathParam("id"), clock.instant()).map(this::view)));
        router.post(prefix + "/instances/:id/attributes").handler(ctx -> answer(worker, ctx, () ->
                instances.setAttributes(ctx.pathParam("id"), body(ctx).getMap(), clock.instant()).map(this::view)));
        router.post(prefix + "/instances/:id/recover").handler(ctx -> answer(worker, ctx, () -> {
            noBody(ctx);
            return instances.recover(ctx.pathParam("id"), clock.instant()).map(this::view);
        }));
        router.post(prefix + "/accounts/:uin/attributes").handler(this::accountAttributes);
        router.post(prefix + "/accounts/:uin/temporary-keys").handler(this::temporaryKey);
        router.post(prefix + "/credentials/:secretId/attributes").handler(this::credentialAttributes);
        router.post(prefix + "/regions/:region/attributes").handler(this::regionAttributes);
        router.post(prefix + "/faults").handler(this::addFault);
        router.get(prefix + "/faults").handler(ctx -> answer(worker, ctx, () -> Optional.of(new JsonObject()
                .put("Rules", new JsonArray(service.faults().list().stream().map(JsonObject::mapFrom).toList())))));
        router.delete(prefix + "/faults").handler(ctx -> answer(worker, ctx, () -> {
            noBody(ctx);
            service.faults().clear();
            return Optional.of(new JsonObject().put("cleared", true));
        }));
    }

    private void accountAttributes(RoutingContext ctx) {
        answer(worker, ctx, () -> {
            String uin = ctx.pathParam("uin");
            JsonObject b = body(ctx);
            known(b, Set.of("appIdInvalid", "eipReleaseEnabled", "unpaidOrder", "returnQuota", "returnsUsed",
                    "terminateQuota", "instanceQuota", "failNextLaunches", "addressQuota", RateLimitsAttribute.NAME));
            java.util.Map<String, Integer> limits = rateLimits.parse(b);
            if (accounts.findAccount(uin).isEmpty()) {
                return Optional.empty();
            }
            AccountAttributes a = service.attributes().account(uin);
            AccountAttributes changed = new AccountAttributes(bool(b, "appIdInvalid", a.appIdInvalid()),
                    bool(b, "eipReleaseEnabled", a.eipReleaseEnabled()), bool(b, "unpaidOrder", a.unpaidOrder()),
                    count(b, "returnQuota", a.returnQuota()), count(b, "returnsUsed", a.returnsUsed()),
                    b.containsKey("terminateQuota") ? nullableCount(b, "terminateQuota") : a.terminateQuota(),
                    b.containsKey("instanceQuota") ? nullableCount(b, "instanceQuota") : a.instanceQuota(),
                    count(b, "failNextLaunches", a.failNextLaunches()),
                    b.containsKey("addressQuota") ? nullableCount(b, "addressQuota") : a.addressQuota());
            service.attributes().saveAccount(uin, changed);
            if (limits != null) {
                rateLimiter.setOverrides(uin, limits);
            }
            return Optional.of(JsonObject.mapFrom(service.attributes().account(uin))
                    .put(RateLimitsAttribute.NAME, RateLimitsAttribute.view(rateLimiter.overrides(uin))));
        });
    }

    private void temporaryKey(RoutingContext ctx) {
        answer(worker, ctx, () -> {
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

    /**
     * A credential's admin switches: {@code mfa}, {@code deniedActions} and {@code readOnly}. Only the attributes the
     * body names change; the answer shows all of them.
     */
    private void credentialAttributes(RoutingContext ctx) {
        answer(worker, ctx, () -> {
            String secretId = ctx.pathParam("secretId");
            JsonObject b = body(ctx);
            known(b, Set.of("mfa", "deniedActions", "readOnly"));
            Object mfa = b.getValue("mfa");
            if (mfa != null && !(mfa instanceof String m && MFA_VALUES.contains(m))) {
                throw new BadRequest("mfa must be null, MISSING, EXPIRED or FAILED");
            }
            java.util.List<String> denied = b.containsKey("deniedActions") ? deniedActions(b.getValue("deniedActions"))
                    : null;
            bool(b, "readOnly", false);
            Optional<ApiKey> key = accounts.findKey(secretId);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            if (b.containsKey("mfa")) {
                accounts.setMfa(secretId, (String) mfa);
            }
            KeyRestrictions was = key.get().restrictions();
            KeyRestrictions now = new KeyRestrictions(denied == null ? was.deniedActions() : denied,
                    bool(b, "readOnly", was.readOnly()));
            if (!now.equals(was)) {
                accounts.setRestrictions(secretId, now);
            }
            ApiKey changed = accounts.findKey(secretId).orElseThrow();
            return Optional.of(new JsonObject().put("SecretId", secretId).put("mfa", changed.mfa())
                    .put("deniedActions", new JsonArray(changed.restrictions().deniedActions()))
                    .put("readOnly", changed.restrictions().readOnly()));
        });
    }

    /** At most 50 patterns, each {@code service:Action} or {@code Action} with {@code *} wildcards; null clears. */
    private static java.util.List<String> deniedActions(Object value) {
        if (value == null) {
            return java.util.List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_DENIED) {
            throw new BadRequest("deniedActions must be null or an array of at most " + MAX_DENIED + " strings");
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Object o : array) {
            if (!(o instanceof String s) || s.length() > 128 || !DENIED_PATTERN.matcher(s).matches()) {
                throw new BadRequest("deniedActions: each entry must be `service:Action` or `Action` (letters, digits, "
                        + "`*`; at most 128 characters)");
            }
            out.add(s);
        }
        return out;
    }

    private void regionAttributes(RoutingContext ctx) {
        answer(worker, ctx, () -> {
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
        answer(worker, ctx, () -> {
            JsonObject b = body(ctx);
            known(b, Set.of("action", "code", "instanceId", "remaining"));
            // The bounds are the store's columns: a longer value could not be kept.
            String action = text(b, "action", 64);
            String code = text(b, "code", 128);
            if (action == null || action.isEmpty() || code == null || code.isEmpty()) {
                throw new BadRequest("action and code are required, non-empty strings");
            }
            String instanceId = text(b, "instanceId", 16);
            int remaining = count(b, "remaining", 1);
            return Optional.of(JsonObject.mapFrom(service.faults().add(action, code, instanceId, remaining,
                    clock.instant())));
        });
    }

    private JsonObject view(Instance i) {
        return new JsonObject(service.instances().document(i));
    }
}
