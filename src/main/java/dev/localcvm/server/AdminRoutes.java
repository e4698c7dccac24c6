package dev.localcvm.server;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's endpoints under {@code /_localcvm/}. They are open when the server listens on a
 * loopback address; otherwise every one but health needs {@code Authorization: Bearer <admin-token>}.
 */
final class AdminRoutes {
    static final String PREFIX = "/_localcvm";
    /** Account names: what fits the store's column many times over, and what a console can show. */
    static final int MAX_NAME_CHARS = 64;
    private static final int BODY_LIMIT = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);

    private final Vertx vertx;
    private final ServerClock clock;
    private final AccountService accounts;
    private final Database database;
    private final Metrics metrics;
    private final boolean tokenRequired;
    private final String adminToken;
    private final String version;
    private final Runnable sweep;
    private final Runnable afterReset;
    private final AdminJson.Worker worker;

    /**
     * @param sweep records what fell due; run after the clock moves, so the answer already shows it
     * @param afterReset forgets what the reset empties outside the store (the accounts' rate-limit overrides)
     */
    AdminRoutes(Vertx vertx, ServerClock clock, AccountService accounts, Database database, Metrics metrics,
                boolean tokenRequired, String adminToken, String version, Runnable sweep, Runnable afterReset) {
        this.sweep = sweep;
        this.afterReset = afterReset;
        this.vertx = vertx;
        this.worker = new AdminJson.Worker(vertx, database::awaitDurable);
        this.clock = clock;
        this.accounts = accounts;
        this.database = database;
        this.metrics = metrics;
        this.tokenRequired = tokenRequired;
        this.adminToken = adminToken;
        this.version = version;
    }

    Router router() {
        Router router = Router.router(vertx);
        router.get(PREFIX + "/health").handler(ctx -> AdminJson.respond(ctx, 200, new JsonObject()
                .put("status", "UP").put("version", version).put("now", now())));
        router.route(PREFIX + "/*").handler(this::authorize);
        // No file uploads: Vert.x would otherwise create a file-uploads directory in the working directory.
        router.route(PREFIX + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.route().failureHandler(this::failed);
        router.get(PREFIX + "/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.scrape()));
        router.post(PREFIX + "/clock").handler(this::advanceClock);
        router.post(PREFIX + "/reset").handler(ctx -> AdminJson.answer(worker, ctx, () -> {
            AdminJson.noBody(ctx);
            database.resetState();
            afterReset.run();
            return Optional.of(new JsonObject().put("reset", true));
        }));
        router.post(PREFIX + "/accounts").handler(this::createAccount);
        return router;
    }

    private void authorize(RoutingContext ctx) {
        if (!tokenRequired) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        String expected = "Bearer " + adminToken;
        if (adminToken != null && header != null && MessageDigest.isEqual(
                header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
            return;
        }
        AdminJson.respond(ctx, 401, new JsonObject().put("error", adminToken == null
                ? "the admin API is closed on a non-loopback address unless --admin-token is set"
                : "missing or wrong admin token (Authorization: Bearer <token>)"));
    }

    /**
     * What a handler could not answer itself: a body over the limit (413, kept: the request is too large, not
     * malformed), a path Vert.x could not decode (400), or a failure of our own (500, logged). Always JSON.
     */
    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String error = switch (status) {
            case 413 -> "the body may be at most " + BODY_LIMIT + " bytes";
            case 500 -> "internal error";
            default -> "bad request";
        };
        if (status == 500) {
            LOG.error("admin {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
        }
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            AdminJson.respond(ctx, status, new JsonObject().put("error", error));
        }
    }

    private void advanceClock(RoutingContext ctx) {
        AdminJson.answer(worker, ctx, () -> {
            JsonObject b = AdminJson.body(ctx);
            AdminJson.known(b, Set.of("advanceSeconds"));
            long seconds = AdminJson.wholeNumber(b.getValue("advanceSeconds"), 0, ServerClock.MAX_OFFSET.toSeconds(),
                    "advanceSeconds must be a whole number of seconds from 0 to " + ServerClock.MAX_OFFSET.toSeconds()
                            + " (100 years)");
            // On a worker: with replicas the offset is written to the database.
            try {
                clock.advance(Duration.ofSeconds(seconds));
            } catch (ServerClock.OffsetLimitExceeded e) {
                throw new AdminJson.BadRequest(e.getMessage());
            }
            sweep.run();
            return Optional.of(new JsonObject().put("now", now()).put("offsetSeconds", clock.offset().toSeconds()));
        });
    }

    private void createAccount(RoutingContext ctx) {
        AdminJson.answer(worker, ctx, () -> {
            JsonObject b = AdminJson.body(ctx);
            AdminJson.known(b, Set.of("Name"));
            ApiKey key = accounts.createAccount(AdminJson.text(b, "Name", MAX_NAME_CHARS));
            return Optional.of(new JsonObject().put("AppId", key.account().appId()).put("Uin", key.account().uin())
                    .put("OwnerUin", key.account().ownerUin()).put("Name", key.account().name())
                    .put("SecretId", key.secretId()).put("SecretKey", key.secretKey()));
        });
    }

    private String now() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }
}
