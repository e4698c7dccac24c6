package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Json;
import dev.localcvm.api.JsonOutput;
import dev.localcvm.api.Language;
import java.util.List;

/** DescribeRegions: the region catalogue; needs no Region (cvm-terminate.md §11). */
public final class DescribeRegions extends BaseAction<DescribeRegions.Request> {
    public DescribeRegions() {
        super("DescribeRegions", Request.class, 20, false);
    }

    public record Request() {
    }

    public record RegionInfo(String region, String regionName, String regionState) {
    }

    public record Response(long totalCount, List<RegionInfo> regionSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    /**
     * The answer is a constant per language, so it is serialised once (with the gateway's JSON configuration)
     * and handed out as bytes: serialising it per request was a quarter of this action's cost.
     */
    private final JsonOutput english = JsonOutput.of(serialize(response(Language.EN_US)));
    private final JsonOutput chinese = JsonOutput.of(serialize(response(Language.ZH_CN)));

    @Override
    public JsonOutput execute(Request request, CallContext context) {
        return context.language() == Language.ZH_CN ? chinese : english;
    }

    static Response response(Language language) {
        List<RegionInfo> set = RegionCatalog.regions().stream()
                .map(r -> new RegionInfo(r.region(), r.name(language), "AVAILABLE"))
                .toList();
        return new Response(set.size(), set);
    }

    private static byte[] serialize(Response response) {
        try {
            return Json.newMapper().writeValueAsBytes(response);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the region catalogue", e);
        }
    }
}
