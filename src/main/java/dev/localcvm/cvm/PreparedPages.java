package dev.localcvm.cvm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.localcvm.api.JsonOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The last DescribeInstances page of each query, kept so that a page asked for again while nothing in it changed
 * is sent from memory prepared for it ({@link JsonOutput#prepared}) instead of being assembled and copied again.
 *
 * <p>A poller (a reaper, Terraform's refresh) asks for the same page over and over. Each answer still runs its
 * statements and looks every instance up: the page is reused only when its count and every instance's rendering
 * are the very objects the last answer had, and a rendering is a new object whenever its instance or tags changed
 * ({@link RenderedInstances}). A page is prepared only the second time it is seen alike, so pages that change on
 * every call (instances being launched) cost no more than before, and only when it is large.
 */
final class PreparedPages {
    /** Budget in bytes of page JSON (the prepared direct memory, or the renderings' arrays), about 180 pages. */
    private static final long CACHE_BYTES = 32L << 20;
    /**
     * Below this, a page goes out in one write as before: a prepared answer is sent in two (the shared bytes, then
     * the RequestId and braces), which costs more than copying a few kilobytes saves.
     */
    private static final int PREPARE_FROM = 32 * 1024;

    private static final byte[] SET_START = ",\"InstanceSet\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = {','};
    private static final byte[] SET_END = {']', '}'};

    private record Seen(long totalCount, byte[][] renderings, JsonOutput output) {
    }

    private final Cache<Object, Seen> seen = Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
            .weigher((Object key, Seen s) -> s.output().length()).build();

    /**
     * {@code {"TotalCount":n,"InstanceSet":[...]}} of the given renderings (each an Instance object's UTF-8 JSON).
     *
     * @param query what names the page (account, region, filters, offset, limit), with value equality
     */
    JsonOutput page(Object query, long totalCount, byte[][] renderings) {
        Seen last = seen.getIfPresent(query);
        if (last != null && last.totalCount() == totalCount && sameObjects(last.renderings(), renderings)) {
            if (last.output().prepared() == null && last.output().length() >= PREPARE_FROM) {
                last = new Seen(totalCount, renderings, JsonOutput.prepared(last.output().parts()));
                seen.put(query, last);
            }
            return last.output();
        }
        JsonOutput plain = assemble(totalCount, renderings);
        seen.put(query, new Seen(totalCount, renderings, plain));
        return plain;
    }

    /** The page as parts that the envelope copies once. */
    static JsonOutput assemble(long totalCount, byte[][] renderings) {
        List<byte[]> parts = new ArrayList<>(2 * renderings.length + 3);
        parts.add(("{\"TotalCount\":" + totalCount).getBytes(StandardCharsets.US_ASCII));
        parts.add(SET_START);
        for (int k = 0; k < renderings.length; k++) {
            if (k > 0) {
                parts.add(COMMA);
            }
            parts.add(renderings[k]);
        }
        parts.add(SET_END);
        return new JsonOutput(parts);
    }

    private static boolean sameObjects(byte[][] a, byte[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (a[k] != b[k]) {
                return false;
            }
        }
        return true;
    }
}
