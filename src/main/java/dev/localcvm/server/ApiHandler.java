package dev.localcvm.server;

import dev.localcvm.api.ApiResponse;
import dev.localcvm.api.ResponseBody;
import dev.localcvm.api.Gateway;
import dev.localcvm.api.RawRequest;
import dev.localcvm.clock.ServerClock;
import dev.localcvm.error.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.channel.socket.SocketChannel;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the API path "/": size limits while the body streams in, then the gateway on a
 * worker thread (it may touch the database), then the envelope with its headers.
 */
final class ApiHandler implements Handler<HttpServerRequest> {
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.localcvm.access");
    /** After answering an oversize request, read and drop at most this much more before closing. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;
    /** How long a connection whose request the decoder refused stays open for the caller to finish sending. */
    private static final long LINGER_MILLIS = 10_000;

    private final Vertx vertx;
    private final Gateway gateway;
    private final Metrics metrics;
    private final ServerClock clock;

    /**
     * @param clock read from the store before each request when replicas share it; then every request
     *              goes to a worker
     */
    ApiHandler(Vertx vertx, Gateway gateway, Metrics metrics, ServerClock clock) {
        this.clock = clock;
        this.vertx = vertx;
        this.gateway = gateway;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpServerRequest req) {
        long start = System.nanoTime();
        String method = req.method().name();
        if (!method.equals("GET") && !method.equals("POST")) {
            reject(req, start, ErrorCode.UNSUPPORTED_PROTOCOL, "The HTTP method `" + method + "` is not supported; use GET or POST.");
            return;
        }
        Map<String, String> headers = new HashMap<>();
        long headerBytes = method.length() + req.uri().length() + 12L;
        for (Map.Entry<String, String> h : req.headers()) {
            headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
            headerBytes += h.getKey().length() + h.getValue().length() + 4L;
        }
        if (method.equals("GET") && headerBytes > Gateway.GET_LIMIT) {
            reject(req, start, ErrorCode.REQUEST_SIZE_LIMIT_EXCEEDED,
                    "A GET request may be at most " + Gateway.GET_LIMIT + " bytes.");
            return;
        }
        long limit = method.equals("GET") ? Gateway.GET_LIMIT : Gateway.postLimit(headers.get("authorization"));
        String declared = headers.get("content-length");
        if (declared != null && declaredLength(declared) > limit) {
            reject(req, start, ErrorCode.REQUEST_SIZE_LIMIT_EXCEEDED, tooLarge(limit));
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] rejected = {false};
        req.handler(chunk -> {
            if (rejected[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                rejected[0] = true;
                reject(req, start, ErrorCode.REQUEST_SIZE_LIMIT_EXCEEDED, tooLarge(limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        req.endHandler(v -> {
            if (rejected[0]) {
                return;
            }
            // The bare host address: CAM's qcs:ip condition compares it with CIDR blocks, where a port has no place.
            RawRequest raw = new RawRequest(method, req.query(), headers, body.getBytes(),
                    req.remoteAddress() == null ? null : req.remoteAddress().host());
            if (!clock.shared() && gateway.answerableWithoutStore(raw)) {
                // No store involved: answering here saves the hop to a worker, a large part of such a request.
                send(req, start, gateway.handle(raw), false, false);
                return;
            }
            vertx.executeBlocking(() -> {
                try {
                    clock.refresh();
                } catch (RuntimeException e) {
                    return gateway.reject(ErrorCode.SERVICE_UNAVAILABLE, "The store cannot be reached; try again.");
                }
                return gateway.handle(raw);
            }, false)
                    .onComplete(ar -> {
                        ApiResponse response = ar.succeeded() ? ar.result()
                                : gateway.reject(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
                        send(req, start, response, false, false);
                    });
        });
    }

    /**
     * A request the HTTP decoder refused before any handler saw it: its request line or headers are over the
     * server's {@code maxBytes}, or it is not valid HTTP/1.1. It still gets the envelope (every API answer
     * does), and then the connection ends: the decoder has lost its place in the byte stream. Oversize
     * is {@code RequestSizeLimitExceeded}; anything else {@code UnsupportedProtocol} (not documented, our
     * choice: the caller does not speak the protocol).
     */
    void refuseUndecodable(HttpServerRequest req, int maxBytes) {
        long start = System.nanoTime();
        Throwable cause = req.decoderResult().cause();
        ApiResponse response;
        if (cause instanceof TooLongHttpLineException) {
            response = gateway.reject(ErrorCode.REQUEST_SIZE_LIMIT_EXCEEDED, "The request line is over " + maxBytes
                    + " bytes; a GET request may be at most " + Gateway.GET_LIMIT + " bytes in all.");
        } else if (cause instanceof TooLongFrameException) {
            response = gateway.reject(ErrorCode.REQUEST_SIZE_LIMIT_EXCEEDED, "The request headers are over " + maxBytes
                    + " bytes; a GET request may be at most " + Gateway.GET_LIMIT + " bytes in all.");
        } else {
            response = gateway.reject(ErrorCode.UNSUPPORTED_PROTOCOL, "The request is not valid HTTP/1.1.");
        }
        // The caller may still be sending the rest of its request, which the decoder now drops. Closing at once
        // would reset the connection with those bytes unread, and a reset can destroy the answer before the
        // caller reads it (a "lingering close", as web servers do). So the answer is written but not ended
        // (ending closes the connection), our side of the connection is shut once it is out, and the connection
        // closes when the caller closes its side, or after a grace period at the latest.
        HttpConnection connection = req.connection();
        long timer = vertx.setTimer(LINGER_MILLIS, id -> connection.close());
        connection.closeHandler(v -> vertx.cancelTimer(timer));
        send(req, start, response, true, true).onSuccess(v -> shutdownOutput(connection));
    }

    /**
     * Sends our FIN, so that a caller reading to the end of the stream sees the end of the answer at once.
     * Vert.x has no public call for it, hence its connection's Netty channel; without one, the grace timer
     * closes the connection.
     */
    private static void shutdownOutput(HttpConnection connection) {
        if (connection instanceof ConnectionBase base && base.channel() instanceof SocketChannel channel) {
            channel.shutdownOutput();
        }
    }

    private void reject(HttpServerRequest req, long start, ErrorCode code, String message) {
        ApiResponse response = gateway.reject(code, message);
        boolean unread = !req.isEnded();
        send(req, start, response, unread, false);
        if (unread) {
            // Drop the rest of the body without keeping it, then close: the client still gets its answer.
            long[] drained = {0};
            req.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > DRAIN_LIMIT) {
                    req.connection().close();
                }
            });
            req.endHandler(v -> req.connection().close());
        }
    }

    /** @param unended write the whole answer but leave the response open, so that Vert.x does not close */
    private Future<Void> send(HttpServerRequest req, long start, ApiResponse response, boolean closeAfter,
                              boolean unended) {
        HttpServerResponse res = req.response();
        res.setStatusCode(200);
        res.putHeader("Content-Type", "application/json");
        res.putHeader("X-TC-RequestId", response.requestId());
        String traceId = req.getHeader("X-TC-TraceId");
        if (traceId != null) {
            res.putHeader("X-TC-TraceId", traceId);
        }
        if (closeAfter) {
            res.putHeader("Connection", "close");
        }
        ResponseBody body = response.body();
        Future<Void> written;
        if (body.shared() == null && !unended) {
            written = res.end(wrap(body.head()));
        } else {
            res.putHeader("Content-Length", Integer.toString(body.length()));
            if (body.head().length > 0) {
                res.write(wrap(body.head()));
            }
            if (body.shared() != null) {
                // Direct memory goes to the socket as it is; Vert.x hands Netty an unreleasable view of it.
                res.write(BufferInternal.buffer(Unpooled.wrappedBuffer(body.shared())));
            }
            Buffer tail = wrap(body.tail());
            written = unended ? res.write(tail) : res.end(tail);
        }
        long nanos = System.nanoTime() - start;
        metrics.record(response.action(), response.errorCode(), nanos);
        if (ACCESS.isInfoEnabled()) { // else the arguments' array and boxing are wasted
            ACCESS.info("requestId={} action={} account={} outcome={} micros={}", response.requestId(),
                    response.action() == null ? "-" : response.action(),
                    response.accountUin() == null ? "-" : response.accountUin(),
                    response.errorCode() == null ? "OK" : response.errorCode(), nanos / 1000);
        }
        return written;
    }

    /**
     * The body as a buffer without copying it ({@code Buffer.buffer(byte[])} copies): a page of instances is
     * 175 KB, and nothing changes the array once the gateway has built it.
     */
    private static Buffer wrap(byte[] body) {
        return BufferInternal.buffer(Unpooled.wrappedBuffer(body));
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String tooLarge(long limit) {
        return "The request body may be at most " + limit + " bytes.";
    }
}
