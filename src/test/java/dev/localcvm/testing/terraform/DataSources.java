package dev.localcvm.testing.terraform;

import static dev.localcvm.testing.terraform.ProviderClient.body;
import static dev.localcvm.testing.terraform.ProviderClient.filter;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The data sources of footprint §3, read at plan time and again at every refresh. */
public final class DataSources {
    static final int IMAGES_PAGE = 100;

    private DataSources() {
    }

    /**
     * {@code tencentcloud_images} with {@code image_type} and {@code os_name}: cvm DescribeImages {Filters:[image-type],
     * Offset, Limit:100} page by page until a short page; dereferences ImageId, CreatedTime (RFC 3339, the sort key)
     * and OsName (os_name keeps the images whose OsName contains it, ignoring case). Answers the image ids, newest first (the direction of the provider's sort is not in the footprint; any order serves the
     * replay, which takes the first).
     */
    public static List<String> images(ProviderClient client, String imageType, String osName) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            JsonNode r = client.call("cvm", "DescribeImages", body("Filters", List.of(filter("image-type", imageType)),
                    "Offset", offset, "Limit", IMAGES_PAGE));
            Fields.require("DescribeImages", r, "TotalCount", "ImageSet[].ImageId", "ImageSet[].CreatedTime",
                    "ImageSet[].OsName");
            JsonNode page = r.get("ImageSet");
            for (JsonNode image : page) {
                String created = image.get("CreatedTime").asText();
                try {
                    OffsetDateTime.parse(created);
                } catch (DateTimeParseException e) {
                    throw new AssertionError("DescribeImages: CreatedTime " + created + " of " + image.get("ImageId")
                            + " is not RFC 3339, which the provider's sort parses", e);
                }
                JsonNode snapshots = image.get("SnapshotSet");
                if (snapshots != null && snapshots.isArray() && !snapshots.isEmpty()) {
                    // The provider reads a non-empty SnapshotSet's snapshots from cbs.
                    List<String> ids = new ArrayList<>();
                    snapshots.forEach(s -> ids.add(s.path("SnapshotId").asText()));
                    Fields.require("DescribeImages", r, "ImageSet[].SnapshotSet[].SnapshotId");
                    Fields.require("DescribeSnapshots",
                            client.call("cbs", "DescribeSnapshots", body("SnapshotIds", ids)), "SnapshotSet");
                }
                if (image.get("OsName").asText().toLowerCase(Locale.ROOT).contains(osName.toLowerCase(Locale.ROOT))) {
                    all.add(image);
                }
            }
            if (page.size() < IMAGES_PAGE) {
                break;
            }
            offset += IMAGES_PAGE;
        }
        all.sort(Comparator.comparing((JsonNode i) -> OffsetDateTime.parse(i.get("CreatedTime").asText())).reversed());
        List<String> ids = new ArrayList<>();
        all.forEach(i -> ids.add(i.get("ImageId").asText()));
        return ids;
    }

    /**
     * {@code tencentcloud_instance_types} with availability_zone, cpu_core_count, memory_size, exclude_sold_out and
     * the filters instance-family and instance-charge-type: cvm DescribeZoneInstanceConfigInfos {Filters:[zone,
     * instance-family, instance-charge-type]}; reads InstanceTypeQuotaSet[] InstanceType, Cpu, Memory, Gpu, Status.
     * {@code InvalidParameterValue.ZoneNotSupported} means no types.
     */
    public static List<String> instanceTypes(ProviderClient client, String zone, String family, String chargeType,
            int cpu, int memory) throws Exception {
        JsonNode r;
        try {
            r = client.call("cvm", "DescribeZoneInstanceConfigInfos", body("Filters", List.of(filter("zone", zone),
                    filter("instance-family", family), filter("instance-charge-type", chargeType))));
        } catch (ProviderClient.ApiError e) {
            if ("InvalidParameterValue.ZoneNotSupported".equals(e.code())) {
                return List.of();
            }
            throw e;
        }
        Fields.require("DescribeZoneInstanceConfigInfos", r, "InstanceTypeQuotaSet[].InstanceType",
                "InstanceTypeQuotaSet[].Cpu", "InstanceTypeQuotaSet[].Memory", "InstanceTypeQuotaSet[].Gpu",
                "InstanceTypeQuotaSet[].Status");
        List<String> types = new ArrayList<>();
        for (JsonNode t : r.get("InstanceTypeQuotaSet")) {
            if (t.get("Cpu").asInt() == cpu && t.get("Memory").asInt() == memory
                    && !"SOLD_OUT".equals(t.get("Status").asText())) {
                types.add(t.get("InstanceType").asText());
            }
        }
        return types;
    }

    /**
     * {@code tencentcloud_availability_zones_by_product}: api DescribeZones {Product}; reads Zone, ZoneState and ZoneId
     * and leaves out UNAVAILABLE zones. Answers zone name to ZoneId.
     */
    public static Map<String, String> zonesByProduct(ProviderClient client, String product) throws Exception {
        JsonNode r = client.call("api", "DescribeZones", body("Product", product));
        Fields.require("DescribeZones", r, "ZoneSet[].Zone", "ZoneSet[].ZoneState", "ZoneSet[].ZoneId");
        Map<String, String> zones = new LinkedHashMap<>();
        for (JsonNode z : r.get("ZoneSet")) {
            if (!"UNAVAILABLE".equals(z.get("ZoneState").asText())) {
                zones.put(z.get("Zone").asText(), z.get("ZoneId").asText());
            }
        }
        return zones;
    }
}
