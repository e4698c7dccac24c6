package dev.localcvm.tag;

import dev.localcvm.api.Product;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/** The tag product: service {@code tag}, version 2018-08-13, one store for the tags of every served resource. */
public final class TagProduct {
    public static final String SERVICE = "tag";
    public static final String VERSION = "2018-08-13";

    private TagProduct() {
    }

    public static Product create(TagService service) {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(), List.of(
                new DescribeResourceTagsByResourceIds(service), new DescribeResourceTags(service),
                new DescribeTags(service), new DescribeResourcesByTags(service),
                new TagResources(service), new UnTagResources(service), new ModifyResourceTags(service)));
    }
}
