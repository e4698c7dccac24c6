package dev.localcvm.cvm;

import dev.localcvm.api.Product;
import java.util.List;

/** The CVM product: service {@code cvm}, version 2017-03-12, and its actions. */
public final class CvmProduct {
    public static final String SERVICE = "cvm";
    public static final String VERSION = "2017-03-12";

    private CvmProduct() {
    }

    /** The region, zone and instance-type catalogue actions alone, which need no store. */
    public static Product create() {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(), List.of(new DescribeRegions(), new DescribeZones(),
                new DescribeZoneInstanceConfigInfos(), new DescribeInstanceTypeConfigs(),
                new DescribeInstanceFamilyConfigs()));
    }

    public static Product create(CvmService service) {
        ResourceIds ids = new ResourceIds();
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(), List.of(
                new DescribeRegions(), new DescribeZones(), new DescribeZoneInstanceConfigInfos(),
                new DescribeInstanceTypeConfigs(), new DescribeInstanceFamilyConfigs(), new DescribeImages(),
                new RunInstances(service, ids), new DescribeInstances(service), new DescribeInstancesStatus(service),
                new StartInstances(service), new StopInstances(service), new RebootInstances(service),
                new ModifyInstancesAttribute(service), new DescribeInstancesAttributes(service),
                new TerminateInstances(service)));
    }
}
