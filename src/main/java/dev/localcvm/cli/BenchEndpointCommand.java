package dev.localcvm.cli;

import dev.localcvm.bench.BareEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code localcvm bench-endpoint}: the bare endpoint of {@code localcvm bench}, in a process of its own. Hidden:
 * the bench starts it; by hand it is useful only to point another load generator (wrk) at it.
 */
@Command(name = "bench-endpoint", hidden = true, mixinStandardHelpOptions = true,
        versionProvider = dev.localcvm.Main.Version.class,
        description = "A bare Vert.x endpoint answering every request with the bytes of --body-file (for bench).")
public final class BenchEndpointCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on.")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Port to listen on; 0 picks a free one.")
    int port;

    @Option(names = "--body-file", description = "The response body; default a small JSON object.")
    Path bodyFile;

    @Override
    public Integer call() throws Exception {
        byte[] body = bodyFile == null ? "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(bodyFile);
        Vertx vertx = Vertx.vertx();
        HttpServer server = BareEndpoint.start(vertx, host, port, body);
        System.out.println("bench-endpoint listening on http://" + host + ":" + server.actualPort() + " (" + body.length
                + "-byte body)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
        return 0;
    }
}
