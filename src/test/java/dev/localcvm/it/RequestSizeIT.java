package dev.localcvm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localcvm.testing.Envelope;
import dev.localcvm.testing.RawHttp;
import dev.localcvm.testing.SignedRequest;
import dev.localcvm.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code RequestSizeLimitExceeded} (api3-protocol.md §10): a GET's request line plus headers over 32 KB,
 * a v1 POST body over 1 MiB, a v3 POST body over 10 MiB; a declared Content-Length is judged before the
 * body is read. Each limit is also shown not to refuse a request of exactly its size. Requests so large that the
 * HTTP decoder itself refuses them (request line or headers over 1 MiB) still get the envelope.
 */
class RequestSizeIT {
    static final int MIB = 1024 * 1024;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getWithAQueryOver32KbIsRequestSizeLimitExceeded() throws Exception {
        Envelope.error(server.v1().param("Foo", "a".repeat(33 * 1024)).send(), "RequestSizeLimitExceeded");
    }

    @Test
    void getWithHeadersOver32KbIsRequestSizeLimitExceeded() throws Exception {
        Envelope.error(padded(server.tc3().get(""), 32_768 + 1).send(), "RequestSizeLimitExceeded");
    }

    @Test
    void getJustUnder32KbPassesTheSizeCheck() throws Exception {
        // 32,766: the last CRLF may or may not count as part of the headers.
        Envelope.success(padded(server.tc3().get(""), 32_768 - 2).send());
    }

    /** Adds an unsigned X-Pad header so that request line plus headers take exactly {@code total} bytes. */
    static SignedRequest.Tc3 padded(SignedRequest.Tc3 request, int total) {
        int pad = total - request.headBytes() - "X-Pad: \r\n".length();
        return request.header("X-Pad", "p".repeat(pad));
    }

    @Test
    void v1PostDeclaringMoreThan1MiBIsAnsweredBeforeTheBodyIsRead() throws Exception {
        Envelope.error(sendPartially(Map.of("Content-Type", "application/x-www-form-urlencoded"), MIB + 1),
                "RequestSizeLimitExceeded");
    }

    @Test
    void v1PostBodyOver1MiBIsRequestSizeLimitExceeded() throws Exception {
        Envelope.error(server.raw("POST", Map.of("Content-Type", "application/x-www-form-urlencoded"), form(MIB + 1)),
                "RequestSizeLimitExceeded");
    }

    @Test
    void v1PostBodyOfExactly1MiBPassesTheSizeCheck() throws Exception {
        Map<String, String> formType = Map.of("Content-Type", "application/x-www-form-urlencoded");
        assertThat(Envelope.errorMessage(server.raw("POST", formType, form(MIB)),
                "MissingParameter")).contains("`Version`");
    }

    static byte[] form(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "Action=DescribeRegions&Foo=".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }

    @Test
    void v3PostDeclaringMoreThan10MiBIsAnsweredBeforeTheBodyIsRead() throws Exception {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization",
                server.tc3().authorizationHeader());
        Envelope.error(sendPartially(headers, 10 * MIB + 1), "RequestSizeLimitExceeded");
    }

    /**
     * Declares a body of {@code declared} bytes, sends only 1 KiB of it and reads one response without
     * waiting for the connection to close: the answer must come before the body is read.
     */
    static RawHttp.Response sendPartially(Map<String, String> headers, int declared) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("Content-Length: ").append(declared).append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(form(1024));
            out.flush();
            return readOneResponse(socket.getInputStream());
        }
    }

    static RawHttp.Response readOneResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed before the response head: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.put(name, lines[i].substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new RawHttp.Response(Integer.parseInt(lines[0].split(" ")[1]), headers,
                new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void v3PostBodyOver10MiBIsRequestSizeLimitExceeded() throws Exception {
        Envelope.error(server.tc3().body(json(10 * MIB + 1)).send(), "RequestSizeLimitExceeded");
    }

    @Test
    void v3PostBodyOfExactly10MiBPassesTheSizeCheck() throws Exception {
        assertThat(Envelope.errorMessage(server.tc3().body(json(10 * MIB)).send(), "UnknownParameter")).contains("`Foo`");
    }

    static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "{\"Foo\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }

    @Test
    void aRequestLineOver1MiBGetsTheEnvelopeAndTheServerStillServes() throws Exception {
        double before = counted("RequestSizeLimitExceeded");

        RawHttp.Response r = RawHttp.send(server.port(), "GET", "/?Action=DescribeRegions&Foo=" + "a".repeat(MIB + 1),
                Map.of(), null);

        assertThat(Envelope.errorMessage(r, "RequestSizeLimitExceeded")).contains("32768");
        assertThat(r.header("Connection")).isEqualTo("close");
        assertThat(counted("RequestSizeLimitExceeded")).isEqualTo(before + 1);
        stillServes();
    }

    /**
     * The answer comes while the caller is still sending: the server must keep reading (and dropping) the
     * rest, or the caller's write fails and the answer is lost; 32 MB is far more than socket buffers hold.
     */
    @ParameterizedTest
    @CsvSource({"GET, 2000000", "POST, 2000000", "GET, 32000000"})
    void aHugeHeaderGetsTheEnvelopeAndTheServerStillServes(String method, int padding) throws Exception {
        byte[] body = method.equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        RawHttp.Response r = RawHttp.send(server.port(), method, "/", Map.of("Content-Type", "application/json",
                "X-Pad", "p".repeat(padding)), body);

        Envelope.error(r, "RequestSizeLimitExceeded");
        assertThat(r.header("Connection")).isEqualTo("close");
        stillServes();
    }

    /** Not valid HTTP/1.1 at all (our choice of code, see the README): UnsupportedProtocol, in the envelope. */
    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nBad Header : v\r\n\r\n"})
    void aRequestTheDecoderCannotReadIsUnsupportedProtocol(String request) throws Exception {
        double before = counted("UnsupportedProtocol");
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Envelope.error(readOneResponse(socket.getInputStream()), "UnsupportedProtocol");
        }
        assertThat(counted("UnsupportedProtocol")).isEqualTo(before + 1);
        stillServes();
    }

    /** The admin API is no API: an oversize request there keeps a plain HTTP status, and harms nothing. */
    @Test
    void anOversizeAdminRequestGetsAPlainStatusAndTheServerStillServes() throws Exception {
        RawHttp.Response r = RawHttp.send(server.port(), "GET", "/_localcvm/health", Map.of("X-Pad",
                "p".repeat(2_000_000)), null);

        assertThat(r.status()).isEqualTo(431);
        assertThat(r.header("X-TC-RequestId")).isNull();
        assertThat(RawHttp.send(server.port(), "GET", "/_localcvm/health", Map.of(), null).status()).isEqualTo(200);
        stillServes();
    }

    private static void stillServes() throws Exception {
        assertThat(Envelope.success(server.tc3().get("").send()).path("TotalCount").asInt()).isPositive();
    }

    private static final Pattern COUNTER = Pattern.compile(
            "localcvm_requests_total\\{action=\"other\",code=\"([A-Za-z.]+)\"} ([0-9.E]+)");

    /** How many answers with this code the metrics counted under action "other" (no action known). */
    private static double counted(String code) throws Exception {
        Matcher m = COUNTER.matcher(RawHttp.send(server.port(), "GET", "/_localcvm/metrics", Map.of(), null).body());
        while (m.find()) {
            if (m.group(1).equals(code)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
