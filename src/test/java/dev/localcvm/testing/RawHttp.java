package dev.localcvm.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a socket, for the edge cases no SDK produces: any method, any Host
 * header (tccli's {@code http://host:port}), bodies and headers byte for byte.
 */
public final class RawHttp {
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** @param headers sent in order as given; Host and Content-Length are added when absent */
    public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            Map<String, String> all = new LinkedHashMap<>(headers);
            if (all.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Host"))) {
                all.put("Host", "127.0.0.1:" + port);
            }
            if (body != null && all.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Length"))) {
                all.put("Content-Length", Integer.toString(body.length));
            }
            all.put("Connection", "close");
            all.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading an oversize head or body (the write then fails
                // with a broken pipe, depending on timing); read its answer, which read() requires to be there.
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
            }
        } catch (IOException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(split + 4);
        String length = headers.get("content-length");
        if (length != null) {
            body = new String(all.toByteArray(), split + 4, Integer.parseInt(length), StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }
}
