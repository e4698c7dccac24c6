package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A request in flight when shutdown begins still gets its answer; new connections are refused. */
class GracefulShutdownIT {

    @Test
    void inFlightRequestFinishesDuringShutdown() throws Exception {
        TestServer server = TestServer.start();
        int port = server.port();
        String form = "Action=DescribeRegions&Version=2017-03-12&Timestamp=1&Nonce=1&SecretId=AKIDnobody&Signature=x";
        byte[] body = form.getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // A first full exchange proves the connection is established on the server's side.
            out.write(("GET /?Action=DescribeRegions HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).contains("MissingParameter");

            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            awaitRefusingConnections(port);
            out.write(body, 10, body.length - 10);
            out.flush();

            String response = readResponse(in);
            assertThat(response).startsWith("HTTP/1.1 200").contains("AuthFailure.SecretIdNotFound");
            closing.get();
        }
    }

    /** Polls (bounded) until the listener is gone, which shows that shutdown has begun. */
    private static void awaitRefusingConnections(int port) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(10);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("the server kept accepting connections during shutdown");
    }

    /** Reads one response: the head, then Content-Length bytes of body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
