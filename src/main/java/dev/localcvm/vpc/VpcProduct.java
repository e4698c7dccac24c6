package dev.localcvm.vpc;

import dev.localcvm.api.Product;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/** The vpc product: service {@code vpc}, version 2017-03-12. */
public final class VpcProduct {
    public static final String SERVICE = "vpc";
    public static final String VERSION = "2017-03-12";
    /** EIPs per account and region, the documented default quota. */
    public static final int ADDRESS_QUOTA = 20;

    private VpcProduct() {
    }

    public static Product create(AddressService addresses) {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(),
                List.of(new DescribeVpcs(), new DescribeSubnets(), new DescribeSecurityGroups(),
                        new AllocateAddresses(addresses), new DescribeAddresses(addresses),
                        new AssociateAddress(addresses), new DisassociateAddress(addresses),
                        new ReleaseAddresses(addresses), new ModifyAddressAttribute(addresses),
                        new DescribeTaskResult(addresses), new DescribeUsedIpAddress(addresses.cvm()),
                        new DescribeBandwidthPackages()));
    }
}
