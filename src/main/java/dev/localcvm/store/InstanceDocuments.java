package dev.localcvm.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.localcvm.cvm.domain.Instance;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * The JSON document an instance is stored as (UTF-8 bytes), and a bounded memo of decoded documents.
 *
 * <p>Each write of a document stores with it a new revision number (random, never 0; column {@code doc_rev}, set
 * in the same statement), so a row's (id, revision) names one document, whichever replica or sweep wrote it. A
 * cached instance is reused exactly when the row's revision is the one it was decoded under: no invalidation is
 * needed, and the document's bytes are read only when it is not. Reads of hot rows (every DescribeInstances
 * page, every batch loaded by a write) then skip the JSON parse, which was most of their cost, and the
 * comparison of each cached document with the bytes just read, which came next.
 */
final class InstanceDocuments {
    /**
     * Budget of the memo, in bytes of the documents it decoded: about 13,000 instances, some 35 MiB of decoded
     * objects.
     */
    private static final long CACHE_BYTES = 16L << 20;

    // Nulls are left out and non-ASCII is escaped: documents are a third smaller (and ASCII). Either form
    // reads back the same instance.
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
            .build();

    /** Slots of {@link #recent}; a power of two. */
    private static final int RECENT_SLOTS = 4096;

    private record Decoded(String id, long revision, int size, Instance instance) {
    }

    private final Cache<String, Decoded> decoded = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES).weigher((String id, Decoded d) -> d.size()).build();

    /**
     * A small direct-mapped table in front of the memo, indexed by the id's hash, where the instances of a page asked
     * again and again are found in one array read. Through the memo alone a look-up probed a hash table sized by the
     * most entries it ever held (over 100,000 after seeding 100k instances, each remembered as it was written), mostly
     * missing the processor's caches, and then recorded the read: 15 % of a page's samples at 100k. A slot holds an
     * immutable entry, so a racing write leaves one entry or the other whole; either is used only at its revision.
     */
    private final Decoded[] recent = new Decoded[RECENT_SLOTS];

    /** The stored document's bytes, read only when the memo does not hold its revision. */
    @FunctionalInterface
    interface Bytes {
        byte[] read() throws SQLException;
    }

    /** A revision for a document about to be written: random and not 0 (the rows written before revisions). */
    static long newRevision() {
        return newRevision(() -> ThreadLocalRandom.current().nextLong());
    }

    /** {@link #newRevision()} from the given draws: the first that is not 0. */
    static long newRevision(LongSupplier draws) {
        long r;
        do {
            r = draws.getAsLong();
        } while (r == 0);
        return r;
    }

    /** The instance stored under {@code revision}, with the row's version. */
    Instance read(String id, long revision, long version, Bytes document) throws SQLException {
        int slot = slot(id);
        Decoded near = recent[slot];
        Decoded hit = near != null && near.id().equals(id) && near.revision() == revision ? near : decoded.getIfPresent(id);
        if (hit != null && hit.revision() == revision) {
            if (hit.instance().version() == version) {
                recent[slot] = hit;
                return hit.instance();
            }
            return remember(id, revision, hit.size(), hit.instance().toBuilder().version(version).build());
        }
        byte[] doc = document.read();
        try {
            return remember(id, revision, doc.length, json.readValue(doc, Instance.class).toBuilder().version(version).build());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable instance " + id, e);
        }
    }

    /**
     * The document of {@code i}, to be stored with {@code revision}; remembered, since the row is usually read again
     * soon (a terminate after a run).
     */
    byte[] write(Instance i, long revision) {
        try {
            byte[] doc = json.writeValueAsBytes(i);
            remember(i.id(), revision, doc.length, i);
            return doc;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize instance " + i.id(), e);
        }
    }

    /**
     * Drops a destroyed instance. Needed for more than memory: the cache admits a new entry only when it
     * has room or the entry looks more useful than an old one, and rows just written (a batch launched,
     * then terminated) would otherwise lose to documents of instances long gone.
     */
    void forget(String id) {
        decoded.invalidate(id);
        int slot = slot(id);
        Decoded near = recent[slot];
        if (near != null && near.id().equals(id)) {
            recent[slot] = null;
        }
    }

    /** The instance as it is stored, as a map, for the admin API's internal view. */
    @SuppressWarnings("unchecked")
    Map<String, Object> asMap(Instance i) {
        return json.convertValue(i, Map.class);
    }

    private Instance remember(String id, long revision, int size, Instance i) {
        Decoded d = new Decoded(id, revision, size, i);
        decoded.put(id, d);
        recent[slot(id)] = d;
        return i;
    }

    static int slot(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & (RECENT_SLOTS - 1);
    }
}
