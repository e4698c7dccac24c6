package dev.localcvm.cvm;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceIds;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * DescribeInstancesAttributes: the attributes asked for (the documentation has one, {@code UserData}) of the given
 * instances, in request order, each once. Unknown and destroyed ids are left out, as DescribeInstances does;
 * Terraform's instance Read calls it after every refresh (footprint §4.2 step 6).
 */
public final class DescribeInstancesAttributes extends BaseAction<DescribeInstancesAttributes.Request> {
    static final Set<String> ATTRIBUTES = Set.of("UserData");
    private final CvmService service;

    public DescribeInstancesAttributes(CvmService service) {
        super("DescribeInstancesAttributes", Request.class, 20);
        this.service = service;
    }

    public record Request(List<String> attributes, List<String> instanceIds) {
    }

    /** UserData is null when it was not asked for or the instance has none. */
    public record Attribute(String userData) {
    }

    public record InstanceAttribute(String instanceId, Attribute attributes) {
    }

    public record Response(List<InstanceAttribute> instanceSet) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.attributes() == null || r.attributes().isEmpty()) {
            throw ApiException.missingParameter("Attributes");
        }
        for (int n = 0; n < r.attributes().size(); n++) {
            String a = r.attributes().get(n);
            if (a == null) {
                throw ApiException.missingParameter("Attributes." + n);
            }
            Checks.oneOf("Attributes." + n, a, ATTRIBUTES);
        }
        InstanceIds.check(r.instanceIds(), true);
        boolean userData = r.attributes().contains("UserData");
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(r.instanceIds()));
        Map<String, Instance> found = service.instances().findByIds(ctx.account().uin(), ctx.region(), unique).stream()
                .collect(Collectors.toMap(Instance::id, Function.identity()));
        List<InstanceAttribute> set = new ArrayList<>();
        for (String id : unique) {
            Instance stored = found.get(id);
            if (stored != null) {
                stored.settle(ctx.now()).ifPresent(i -> set.add(new InstanceAttribute(i.id(),
                        new Attribute(userData ? i.spec().launchOrDefaults().userData() : null))));
            }
        }
        return new Response(set);
    }
}
