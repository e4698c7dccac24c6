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
import java.util.Arrays;
import java.util.Map;

/**
 * The JSON document an instance is stored as (UTF-8 bytes), and a bounded memo of decoded documents.
 *
 * <p>Decoding is a pure function of the document's bytes, so a cached instance is reused exactly when the
 * stored bytes are the same: no invalidation is needed, whichever replica or sweep wrote the row.
 * Reads of hot rows (every DescribeInstances page, every batch loaded by a write) then skip the JSON
 * parse, which was most of their cost.
 */
final class InstanceDocuments {
    /**
     * Budget of the memo, in bytes of the documents it keeps: about 13,000 instances, some 50 MiB with
     * their decoded objects.
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

    private record Decoded(byte[] doc, Instance instance) {
    }

    private final Cache<String, Decoded> decoded = Caffeine.newBuilder()
            .maximumWeight(CACHE_BYTES).weigher((String id, Decoded d) -> d.doc().length).build();

    /** The instance stored as {@code doc}, with the row's version. */
    Instance read(String id, byte[] doc, long version) {
        Decoded hit = decoded.getIfPresent(id);
        if (hit != null && Arrays.equals(hit.doc(), doc)) {
            return hit.instance().version() == version ? hit.instance()
                    : remember(id, doc, hit.instance().toBuilder().version(version).build());
        }
        try {
            return remember(id, doc, json.readValue(doc, Instance.class).toBuilder().version(version).build());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable instance " + id, e);
        }
    }

    /** The document of {@code i}; remembered, since the row is usually read again soon (a terminate after a run). */
    byte[] write(Instance i) {
        try {
            byte[] doc = json.writeValueAsBytes(i);
            remember(i.id(), doc, i);
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
    }

    /** The instance as it is stored, as a map, for the admin API's internal view. */
    @SuppressWarnings("unchecked")
    Map<String, Object> asMap(Instance i) {
        return json.convertValue(i, Map.class);
    }

    private Instance remember(String id, byte[] doc, Instance i) {
        decoded.put(id, new Decoded(doc, i));
        return i;
    }
}
