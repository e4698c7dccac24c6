package dev.localcvm.cam;

import java.util.List;
import java.util.Map;

/** The tags of the resources a request names, for CAM's {@code qcs:resource_tag} condition; implemented over the tag store. */
public interface ResourceTagSource {
    ResourceTagSource NONE = (ownerUin, names) -> Map.of();

    /**
     * @param names six-segment resource names; those of a kind that carries no tags are ignored
     * @return each name that has tags, with its tags (key to value)
     */
    Map<String, Map<String, String>> tags(String ownerUin, List<String> names);
}
