package dev.localcvm.testing.terraform;

import static dev.localcvm.testing.terraform.ProviderClient.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code svctag.TagService.DescribeResourceTags}: tag DescribeResourceTagsByResourceIds {ServiceType, ResourcePrefix,
 * ResourceRegion, ResourceIds:[id], Limit:20, Offset}, paging while a page is full, keeping the tags of that id.
 */
public final class Tags {
    static final int LIMIT = 20;

    private Tags() {
    }

    public static Map<String, String> describe(ProviderClient client, String serviceType, String resourcePrefix,
            String resourceId) throws Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        int offset = 0;
        int count = LIMIT;
        while (count == LIMIT) {
            JsonNode r = client.call("tag", "DescribeResourceTagsByResourceIds", body("ServiceType", serviceType,
                    "ResourcePrefix", resourcePrefix, "ResourceRegion", ProviderClient.REGION,
                    "ResourceIds", List.of(resourceId), "Limit", LIMIT, "Offset", offset));
            Fields.require("DescribeResourceTagsByResourceIds", r, "Tags[].ResourceId", "Tags[].TagKey",
                    "Tags[].TagValue");
            count = r.get("Tags").size();
            for (JsonNode t : r.get("Tags")) {
                if (t.get("ResourceId").asText().equals(resourceId)) {
                    tags.put(t.get("TagKey").asText(), t.get("TagValue").asText());
                }
            }
            offset += count;
        }
        return tags;
    }
}
