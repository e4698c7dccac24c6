package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Language;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.InstanceTypeCatalog;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DescribeZoneInstanceConfigInfos: the instance-type catalogue for each zone of the region and each charge type
 * sold, with the sell status. Terraform's {@code tencentcloud_instance_types} reads it (footprint §3); it takes
 * {@code InvalidParameterValue.ZoneNotSupported} as an empty list, which is what a zone of another region answers.
 */
public final class DescribeZoneInstanceConfigInfos extends BaseAction<DescribeZoneInstanceConfigInfos.Request> {
    private static final CatalogFilters.Rules RULES = new CatalogFilters.Rules(
            Set.of("zone", "instance-family", "instance-type", "instance-charge-type"),
            ErrorCode.INVALID_PARAMETER_VALUE_ZONE_NOT_SUPPORTED, 100);

    public DescribeZoneInstanceConfigInfos() {
        super("DescribeZoneInstanceConfigInfos", Request.class, 40);
    }

    public record Request(List<CatalogFilters.Filter> filters) {
    }

    public record StorageBlock(String type, Long minSize, Long maxSize) {
    }

    public record Externals(Boolean releaseAddress, List<String> unsupportNetworks, StorageBlock storageBlockAttr) {
    }

    public record LocalDiskType(String type, String partitionType, Long minSize, Long maxSize, String required) {
    }

    /** ItemPrice: the hourly fields for pay-as-you-go and spot, the monthly ones for prepaid; the others null. */
    public record ItemPrice(Double unitPrice, String chargeUnit, Double originalPrice, Double discountPrice,
                            Double discount, Double unitPriceDiscount, Double unitPriceSecondStep,
                            Double unitPriceDiscountSecondStep, Double unitPriceThirdStep,
                            Double unitPriceDiscountThirdStep, Double originalPriceThreeYear,
                            Double discountPriceThreeYear, Double discountThreeYear, Double originalPriceFiveYear,
                            Double discountPriceFiveYear, Double discountFiveYear, Double originalPriceOneYear,
                            Double discountPriceOneYear, Double discountOneYear) {
        static ItemPrice of(InstanceTypeCatalog.Type type, ChargeType chargeType) {
            if (chargeType == ChargeType.PREPAID) {
                double month = type.monthlyPrice();
                return new ItemPrice(null, "MONTH", month, month, 100.0, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null);
            }
            double hour = chargeType == ChargeType.SPOTPAID ? Math.round(type.hourlyPrice() * 20) / 100.0
                    : type.hourlyPrice();
            double discount = chargeType == ChargeType.SPOTPAID ? 20.0 : 100.0;
            return new ItemPrice(hour, "HOUR", null, null, discount, hour, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }
    }

    public record InstanceTypeQuotaItem(String zone, String instanceType, String instanceChargeType, long networkCard,
                                        Externals externals, long cpu, long memory, String instanceFamily,
                                        String typeName, List<LocalDiskType> localDiskTypeList, String status,
                                        ItemPrice price, String soldOutReason, double instanceBandwidth,
                                        long instancePps, long storageBlockAmount, String cpuType, long gpu, long fpga,
                                        String remark, double gpuCount, String frequency, String statusCategory) {
    }

    public record Response(List<InstanceTypeQuotaItem> instanceTypeQuotaSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CatalogFilters filters = CatalogFilters.of(r.filters(), ctx.region(), RULES);
        boolean zh = ctx.language() == Language.ZH_CN;
        List<InstanceTypeQuotaItem> set = new ArrayList<>();
        for (RegionCatalog.Zone zone : RegionCatalog.region(ctx.region()).orElseThrow().zones()) {
            if (!filters.allows("zone", zone.zone())) {
                continue;
            }
            for (InstanceTypeCatalog.Type type : InstanceTypeCatalog.types()) {
                if (!filters.allows(type)) {
                    continue;
                }
                for (ChargeType charge : InstanceTypeCatalog.SOLD_CHARGE_TYPES) {
                    if (filters.allows("instance-charge-type", charge.name())) {
                        set.add(item(zone, type, charge, zh));
                    }
                }
            }
        }
        return new Response(set);
    }

    private static InstanceTypeQuotaItem item(RegionCatalog.Zone zone, InstanceTypeCatalog.Type type, ChargeType charge,
                                              boolean zh) {
        String soldOut = InstanceTypeCatalog.soldOutReason(type, charge, zone.available());
        var family = type.family();
        return new InstanceTypeQuotaItem(zone.zone(), type.instanceType(), charge.name(), 0,
                new Externals(false, List.of(), null), type.cpu(), type.memory(), family.family(), type.typeName(zh),
                List.of(), soldOut == null ? "SELL" : "SOLD_OUT", ItemPrice.of(type, charge),
                soldOut == null ? "" : soldOut, type.bandwidthGbps(), type.ppsTenThousands(), 0, family.cpuType(),
                type.gpu(), 0, family.remark(), type.gpu(), family.frequency(),
                soldOut == null ? "EnoughStock" : "WithoutStock");
    }
}
