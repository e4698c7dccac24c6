package dev.localcvm.sts;

import dev.localcvm.account.AccountService;
import dev.localcvm.api.Product;
import dev.localcvm.cam.CamDirectory;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/** The sts product: service {@code sts}, version 2018-08-13, temporary credentials for roles and federated users. */
public final class StsProduct {
    public static final String SERVICE = "sts";
    public static final String VERSION = "2018-08-13";

    private StsProduct() {
    }

    public static Product create(AccountService accounts, CamDirectory directory) {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(), List.of(
                new AssumeRole(accounts, directory), new GetFederationToken(accounts), new GetCallerIdentity()));
    }
}
