package dev.localcvm.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The bare endpoint the bench compares localcvm with: a Vert.x HTTP server, built as localcvm builds its own
 * (one server, TCP_NODELAY), answering every request, once its body has arrived, with the given bytes and the
 * headers localcvm sends (Content-Type, X-TC-RequestId); no signature, no store, no routing. What localcvm
 * costs beyond it is what localcvm adds. It runs in a process of its own ({@code localcvm bench-endpoint}).
 */
public final class BareEndpoint {
    /** A RequestId of the length localcvm's have; the same for every answer, since nothing reads it. */
    private static final String REQUEST_ID = "00000000-0000-4000-8000-000000000000";

    private BareEndpoint() {
    }

    /** Listens on {@code host:port} until the process ends; answers the server. */
    public static HttpServer start(Vertx vertx, String host, int port, byte[] body) {
        Buffer bytes = Buffer.buffer(body);
        Future<HttpServer> listening = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)
                        .setTcpNoDelay(true))
                .requestHandler(req -> req.body().onComplete(b -> req.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-TC-RequestId", REQUEST_ID)
                        .end(bytes)))
                .listen();
        try {
            return listening.toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }
}
