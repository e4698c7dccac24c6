package dev.localcvm.server;

import dev.localcvm.account.AccountService;
import dev.localcvm.account.ApiKey;
import dev.localcvm.api.Gateway;
import dev.localcvm.cam.CamAuthorizer;
import dev.localcvm.api.Json;
import dev.localcvm.api.Product;
import dev.localcvm.api.ProductRegistry;
import dev.localcvm.api.RateLimiter;
import dev.localcvm.api.params.ParamBinder;
import dev.localcvm.apiproduct.ApiProduct;
import dev.localcvm.cam.CamProduct;
import dev.localcvm.cam.CamService;
import dev.localcvm.cbs.CbsProduct;
import dev.localcvm.cbs.CbsService;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.cvm.CvmProduct;
import dev.localcvm.cvm.CvmService;
import dev.localcvm.store.AccountRepository;
import dev.localcvm.store.AddressRepository;
import dev.localcvm.store.AttributeRepository;
import dev.localcvm.store.CamRepository;
import dev.localcvm.store.ClockOffsetRepository;
import dev.localcvm.store.Database;
import dev.localcvm.store.DiskRepository;
import dev.localcvm.store.FaultRepository;
import dev.localcvm.store.InstanceRepository;
import dev.localcvm.store.SharedRateBuckets;
import dev.localcvm.store.TagRepository;
import dev.localcvm.store.CamResourceTags;
import dev.localcvm.sts.StsProduct;
import dev.localcvm.tag.ResourceName;
import dev.localcvm.tag.TagProduct;
import dev.localcvm.tag.TagService;
import dev.localcvm.vpc.AddressService;
import dev.localcvm.vpc.VpcProduct;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The running server: store, accounts, gateway and the Vert.x HTTP listener. */
public final class LocalCvmServer implements AutoCloseable {
    /** The request line and headers may exceed Vert.x's defaults so that the gateway can answer size errors itself. */
    private static final int MAX_HEADER_BYTES = 1024 * 1024;
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    private final Vertx vertx;
    private final HttpServer http;
    private final Database database;
    private final ServerClock clock;
    private final ApiKey defaultKey;
    private final ServerConfig config;
    private final ProductRegistry registry;

    private LocalCvmServer(Vertx vertx, HttpServer http, Database database, ServerClock clock, ApiKey defaultKey,
                           ServerConfig config, ProductRegistry registry) {
        this.vertx = vertx;
        this.http = http;
        this.database = database;
        this.clock = clock;
        this.defaultKey = defaultKey;
        this.config = config;
        this.registry = registry;
    }

    public static LocalCvmServer start(ServerConfig config, ServerClock clock) {
        Database database = Database.open(config.store());
        Vertx vertx = null;
        try {
            AccountService accounts = new AccountService(new AccountRepository(database), clock,
                    !config.store().isPostgres());
            ApiKey defaultKey = accounts.ensureDefault(config.secretId(), config.secretKey());
            InstanceRepository instanceRepository = new InstanceRepository(database);
            TagRepository tags = new TagRepository(database);
            DiskRepository disks = new DiskRepository(database, tags);
            AddressRepository addressRepository = new AddressRepository(database, instanceRepository, tags);
            instanceRepository.follow(disks);
            instanceRepository.follow(addressRepository);
            instanceRepository.follow(tags);
            CvmService cvm = new CvmService(instanceRepository, new AttributeRepository(database),
                    new FaultRepository(database), new CvmService.Settings(config.transitionDelay(),
                    config.instanceQuota(), config.tombstoneWindow(), config.postpaidRecycleFirst()), addressRepository, tags);
            AddressService addresses = new AddressService(addressRepository, cvm,
                    new AddressService.Settings(config.transitionDelay(), VpcProduct.ADDRESS_QUOTA));
            CbsService cbs = new CbsService(disks, cvm, config.transitionDelay());
            TagService tagService = new TagService(tags, Map.of(ResourceName.Kind.INSTANCE, cvm::existing,
                    ResourceName.Kind.ADDRESS, addresses::existing, ResourceName.Kind.DISK, cbs::existing), cvm::sweep);
            CamRepository cam = new CamRepository(database);
            List<Product> served = List.of(CvmProduct.create(cvm), VpcProduct.create(addresses),
                    CbsProduct.create(cbs), TagProduct.create(tagService), ApiProduct.create(),
                    CamProduct.create(new CamService(cam, accounts)), StsProduct.create(accounts, cam));
            ProductRegistry registry = new ProductRegistry(served.get(0), served.subList(1, served.size()));
            // Replicas on one PostgreSQL share the clock offset and the rate-limit buckets; an embedded H2
            // belongs to one process, which keeps its buckets in memory.
            boolean shared = config.store().isPostgres();
            clock.attach(new ClockOffsetRepository(database), shared);
            RateLimiter rateLimiter = new RateLimiter(config.rateLimits(), shared
                    ? new SharedRateBuckets(database, RateLimiter.meter(clock))::bucket : RateLimiter.local(clock));
            Gateway gateway = new Gateway(registry, accounts, clock, Json.newMapper(), new ParamBinder(false),
                    config.verifySignatures(), rateLimiter, database::awaitDurable,
                    new CamAuthorizer(cam, new CamResourceTags(tags)));
            Set<String> actionNames = new HashSet<>();
            served.forEach(p -> actionNames.addAll(p.actions().keySet()));
            Metrics metrics = new Metrics(actionNames);

            vertx = Vertx.vertx();
            Sweeper sweeper = new Sweeper(vertx, cvm, clock);
            ApiHandler api = new ApiHandler(vertx, gateway, metrics, clock);
            AdminRoutes adminRoutes = new AdminRoutes(vertx, clock, accounts, database, metrics,
                    !isLoopback(config.host()), config.adminToken(), version(), sweeper::sweepNow,
                    () -> {
                        rateLimiter.clearOverrides();
                        // The reset dropped every key but the roots' permanent and temporary ones.
                        accounts.forgetAll();
                    });
            Router admin = adminRoutes.router();
            new CvmAdminRoutes(new AdminJson.Worker(vertx, database::awaitDurable), clock, cvm, accounts, rateLimiter,
                    new RateLimitsAttribute(served)).mount(admin, AdminRoutes.PREFIX);
            sweeper.sweepNow();
            sweeper.start();
            HttpServerOptions options = new HttpServerOptions()
                    .setHost(config.host()).setPort(config.port())
                    .setMaxInitialLineLength(MAX_HEADER_BYTES).setMaxHeaderSize(MAX_HEADER_BYTES)
                    .setTcpNoDelay(true);
            HttpServer http = await(vertx.createHttpServer(options).invalidRequestHandler(req -> {
                if (isAdmin(req)) {
                    // The admin API is no API: a plain status suits its callers (curl, scripts).
                    HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(req);
                } else {
                    api.refuseUndecodable(req, MAX_HEADER_BYTES);
                }
            }).requestHandler(req -> {
                String path = req.path();
                if ("/".equals(path)) {
                    api.handle(req);
                } else if (path.startsWith(AdminRoutes.PREFIX + "/")) {
                    admin.handle(req);
                } else {
                    req.response().setStatusCode(404).end();
                }
            }).listen());
            return new LocalCvmServer(vertx, http, database, clock, defaultKey, config, registry);
        } catch (RuntimeException e) {
            if (vertx != null) {
                vertx.close();
            }
            database.close();
            throw e;
        }
    }

    public int port() {
        return http.actualPort();
    }

    public String host() {
        return config.host();
    }

    public ApiKey defaultKey() {
        return defaultKey;
    }

    public ServerClock clock() {
        return clock;
    }

    /** What the gateway serves; tests enumerate its actions so that a new action cannot escape them. */
    public ProductRegistry products() {
        return registry;
    }

    /** Stops accepting connections, lets in-flight requests finish, then releases everything. */
    @Override
    public void close() {
        try {
            http.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS).toCompletionStage().toCompletableFuture()
                    .get(SHUTDOWN_GRACE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Shutting down anyway: the store below must still be closed cleanly.
        } finally {
            try {
                await(vertx.close());
            } finally {
                database.close();
            }
        }
    }

    /** Why {@link #start} failed, in one line, for the command line. */
    public static String whyNotStarted(RuntimeException e) {
        // Our own start-up errors already say what and why; anything else is told by its root cause.
        Throwable why = e;
        if (!(e instanceof IllegalStateException && e.getMessage() != null)) {
            while (why.getCause() != null && why.getCause() != why) {
                why = why.getCause();
            }
        }
        String message = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        return message.replace('\n', ' ');
    }

    public static String version() {
        try (InputStream in = LocalCvmServer.class.getResourceAsStream("/localcvm-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Whether the request line was read and names an admin path (a refused line has no path to go by). */
    private static boolean isAdmin(HttpServerRequest req) {
        if (req.decoderResult().cause() instanceof TooLongHttpLineException) {
            return false;
        }
        String uri = req.uri();
        return uri != null && uri.startsWith(AdminRoutes.PREFIX + "/");
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out while starting or stopping", e);
        }
    }
}
