package dev.localcvm.store;

import dev.localcvm.cam.ResourceTagSource;
import dev.localcvm.tag.ResourceName;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tags CAM's {@code qcs:resource_tag} condition sees: the tag store's rows of the named resources, read in one
 * query for all of them. A CAM name and a tag-store name agree on service, type and id (instances
 * {@code cvm/instance}, disks {@code cvm/volume}, elastic IPs {@code vpc/eip}); other kinds carry no tags.
 */
public final class CamResourceTags implements ResourceTagSource {
    private final TagRepository tags;

    public CamResourceTags(TagRepository tags) {
        this.tags = tags;
    }

    @Override
    public Map<String, Map<String, String>> tags(String ownerUin, List<String> names) {
        Map<String, String> nameByKey = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            ResourceName.parse(name).filter(r -> r.kind().isPresent() && !r.id().contains("*")).ifPresent(r -> {
                nameByKey.put(key(r), name);
                ids.add(r.id());
            });
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (TagRepository.Row row : tags.rows(ownerUin, null, null, null, ids)) {
            String name = nameByKey.get(key(row.resource()));
            if (name != null) {
                out.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(row.tag().key(), row.tag().value());
            }
        }
        return out;
    }

    private static String key(ResourceName r) {
        return r.service() + ":" + r.prefix() + "/" + r.id();
    }
}
