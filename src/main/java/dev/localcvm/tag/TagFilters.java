package dev.localcvm.tag;

import java.util.List;

/**
 * The tag filters every Describe action of cvm, vpc and cbs knows: {@code tag-key} (the resource has one of the
 * keys) and {@code tag:<key>} (the resource has that key with one of the values). DescribeInstances says the same
 * in SQL over the tag store.
 */
public final class TagFilters {
    private TagFilters() {
    }

    public static boolean isTagFilter(String name) {
        return name.equals("tag-key") || name.startsWith("tag:");
    }

    /** Whether a resource with {@code tags} passes the tag filter {@code name} with {@code values}. */
    public static boolean matches(String name, List<String> values, List<Tag> tags) {
        if (name.equals("tag-key")) {
            return tags.stream().anyMatch(t -> values.contains(t.key()));
        }
        String key = name.substring("tag:".length());
        return tags.stream().anyMatch(t -> t.key().equals(key) && values.contains(t.value()));
    }
}
