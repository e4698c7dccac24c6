package dev.localcvm.bench;

import dev.localcvm.account.AccountService;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.server.LocalCvmServer;
import dev.localcvm.server.ServerConfig;
import dev.localcvm.store.StoreConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the launcher runs once, under {@code -XX:ArchiveClassesAtExit}, to write a class-data-sharing archive for
 * later starts (issue 15: start to healthy): a server on a fresh H2 file store, as {@code serve} on a new data
 * directory starts, then a health check and a few signed calls, so that the classes of a start and of the request
 * path are the ones archived. Nothing of it is kept but the archive the JVM writes at exit.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void run() throws Exception {
        Path dir = Files.createTempDirectory("localcvm-cds");
        try {
            ServerConfig config = ServerConfig.ephemeralDefaults().withStore(StoreConfig.h2File(dir));
            LocalCvmServer server = LocalCvmServer.start(config, ServerClock.system());
            Vertx vertx = Vertx.vertx();
            try {
                HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(1));
                Scenarios.await(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                                .setPort(server.port()).setURI("/_localcvm/health"))
                        .compose(req -> req.send()).compose(resp -> resp.body()));
                SignedCalls calls = new SignedCalls(client, "127.0.0.1", server.port(), AccountService.DEFAULT_SECRET_ID,
                        AccountService.DEFAULT_SECRET_KEY, "ap-guangzhou");
                for (String[] call : new String[][] {{"DescribeRegions", "{}"}, {"DescribeZones", "{}"},
                        {"DescribeInstances", "{\"Limit\":100}"}, {"DescribeInstancesStatus", "{}"}}) {
                    Scenarios.await(calls.call(call[0], call[1].getBytes(StandardCharsets.UTF_8), false));
                }
            } finally {
                Scenarios.await(vertx.close());
                server.close();
            }
        } finally {
            WorkDirectory.delete(dir);
        }
    }
}
