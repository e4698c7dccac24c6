package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Language;
import dev.localcvm.cvm.domain.InstanceTypeCatalog;
import java.util.List;

/** DescribeInstanceFamilyConfigs: the families of the instance-type catalogue, named in the request's language. */
public final class DescribeInstanceFamilyConfigs extends BaseAction<DescribeInstanceFamilyConfigs.Request> {
    public DescribeInstanceFamilyConfigs() {
        super("DescribeInstanceFamilyConfigs", Request.class, 40);
    }

    public record Request() {
    }

    public record InstanceFamilyConfig(String instanceFamilyName, String instanceFamily) {
    }

    public record Response(List<InstanceFamilyConfig> instanceFamilyConfigSet) {
    }

    @Override
    public boolean needsStore() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        boolean zh = ctx.language() == Language.ZH_CN;
        return new Response(InstanceTypeCatalog.families().stream()
                .map(f -> new InstanceFamilyConfig(zh ? f.nameZh() : f.nameEn(), f.family())).toList());
    }
}
