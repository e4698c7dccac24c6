package dev.localcvm.cam;

import dev.localcvm.cam.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed policy documents by their text, least recently used first out. Only the parse is cached: which documents
 * are attached to whom is read from the store on every request, so a change made through another replica holds at
 * once. A text is its own key, so an edited policy is simply another entry.
 */
final class PolicyCache {
    private final int capacity;
    private final Map<String, PolicyDocument> parsed;

    PolicyCache(int capacity) {
        this.capacity = capacity;
        this.parsed = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PolicyDocument> eldest) {
                return size() > PolicyCache.this.capacity;
            }
        };
    }

    /** The parsed document; a text that no longer parses (stored by an older version) throws as parse does. */
    PolicyDocument get(String text) {
        synchronized (parsed) {
            PolicyDocument doc = parsed.get(text);
            if (doc != null) {
                return doc;
            }
        }
        PolicyDocument doc = PolicyDocument.parse(text);
        synchronized (parsed) {
            parsed.put(text, doc);
        }
        return doc;
    }

    int size() {
        synchronized (parsed) {
            return parsed.size();
        }
    }
}
