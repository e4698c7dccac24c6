package dev.localcvm.apiproduct;

import dev.localcvm.api.Product;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.RegionCatalog;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;

/**
 * The api product (service {@code api}, version 2020-11-06): which regions and zones a cloud product is sold in.
 * Its package is not {@code dev.localcvm.api}, which is the gateway's. It answers from the cvm region catalogue,
 * the one source of regions and zones.
 */
public final class ApiProduct {
    public static final String SERVICE = "api";
    public static final String VERSION = "2020-11-06";
    /** The products the api product answers for; its documentation: "currently only cvm". */
    static final List<String> PRODUCTS = List.of("cvm");

    private ApiProduct() {
    }

    /** Needs no store: both actions read the catalogue. */
    public static Product create() {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(),
                List.of(new DescribeRegions(), new DescribeZones()));
    }

    /** {@code Product} is required, and must be one the api product knows (its only code is InvalidParameter). */
    static void checkProduct(String product) {
        if (product == null) {
            throw ApiException.missingParameter("Product");
        }
        if (!PRODUCTS.contains(product)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "`Product` `" + Checks.quote(product)
                    + "` is not supported: the api product answers for " + String.join(", ", PRODUCTS) + " only.");
        }
    }
}
