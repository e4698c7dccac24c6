package dev.localcvm.cvm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.localcvm.api.Json;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.tag.Tag;
import java.util.List;

/**
 * The Instance data type of each instance as response JSON, rendered once per change of the instance.
 *
 * <p>A DescribeInstances page is mostly the same instances asked for again and again; rendering and
 * serialising 100 of them was the larger part of a page's cost. The store hands out the same
 * {@link Instance} object for as long as its row is unchanged, so the rendering is keyed by that
 * object's identity: any change (a write, a timer, another replica) yields a new object and a new
 * rendering, and nothing needs invalidating.
 */
final class RenderedInstances {
    /** Budget in bytes of rendered JSON (each kept twice: as text and as UTF-8), about 32 MiB. */
    private static final long CACHE_BYTES = 16L << 20;

    private static final ObjectWriter WRITER = Json.newMapper().writerFor(InstanceView.class);

    private record Rendered(Instance source, List<Tag> tags, SerializedString json) {
    }

    private final Cache<String, Rendered> cache = Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
            .weigher((String id, Rendered r) -> r.json().charLength()).build();

    /**
     * {@code i} with its tags rendered as the API's Instance object, to be written into a response as it is. Tags
     * live in the tag store, not in the instance: a rendering is reused only while both are the same.
     */
    RawValue json(Instance i, List<Tag> tags) {
        return new RawValue(rendered(i, tags));
    }

    /** The same rendering as UTF-8 bytes, to be copied into a response as they are; not to be changed. */
    byte[] utf8(Instance i, List<Tag> tags) {
        return rendered(i, tags).asUnquotedUTF8();
    }

    private SerializedString rendered(Instance i, List<Tag> tags) {
        Rendered hit = cache.getIfPresent(i.id());
        if (hit != null && hit.source() == i && hit.tags().equals(tags)) {
            return hit.json();
        }
        SerializedString json;
        try {
            json = new SerializedString(WRITER.writeValueAsString(InstanceView.of(i, tags)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render instance " + i.id(), e);
        }
        json.asUnquotedUTF8(); // computed once here, then copied into every response
        cache.put(i.id(), new Rendered(i, tags, json));
        return json;
    }
}
