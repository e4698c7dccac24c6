package dev.localcvm.cbs;

import dev.localcvm.api.Product;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/** The cbs product: service {@code cbs}, version 2017-03-12. */
public final class CbsProduct {
    public static final String SERVICE = "cbs";
    public static final String VERSION = "2017-03-12";

    private CbsProduct() {
    }

    public static Product create(CbsService service) {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(), List.of(new DescribeDisks(service),
                new DescribeSnapshots(), new AttachDisks(service), new DetachDisks(service), new TerminateDisks(service)));
    }
}
