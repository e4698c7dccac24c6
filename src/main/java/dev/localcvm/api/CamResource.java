package dev.localcvm.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * CAM's six-segment resource names ({@code qcs::<service>:<region>:uin/<owner uin>:<type>/<id>}), as the actions that
 * CAM authorizes at resource level declare the resources a request names (see README "CAM: resource-level actions").
 */
public final class CamResource {
    private CamResource() {
    }

    public static String name(String service, String region, String ownerUin, String type, String id) {
        return "qcs::" + service + ":" + (region == null ? "" : region) + ":uin/" + ownerUin + ":" + type + "/" + id;
    }

    /** One name per id, in the order given (duplicates kept: the first refused one is named either way). */
    public static List<String> names(String service, CallContext context, String type, Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of(name(service, context.region(), context.account().uin(), type, "*"));
        }
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(name(service, context.region(), context.account().uin(), type, String.valueOf(id)));
        }
        return out;
    }
}
