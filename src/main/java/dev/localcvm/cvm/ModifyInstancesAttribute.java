package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.ImageCatalog;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** ModifyInstancesAttribute: exactly one attribute per request; OPERATING for D, then SUCCESS. */
public final class ModifyInstancesAttribute extends BaseAction<ModifyInstancesAttribute.Request> {
    private static final int MAX_NAME = 60;
    private final CvmService service;

    public ModifyInstancesAttribute(CvmService service) {
        super(Operation.MODIFY.apiName(), Request.class, 10);
        this.service = service;
    }

    public record Request(List<String> instanceIds, String instanceName, String userData, List<String> securityGroups,
                          String camRoleName, String hostName, Boolean disableApiTermination, String camRoleType,
                          Boolean autoReboot) {
    }

    public record Response() {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "instance", r.instanceIds());
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        long given = Stream.of(r.instanceName(), r.userData(), r.securityGroups(), r.camRoleName(), r.hostName(),
                r.disableApiTermination()).filter(v -> v != null).count();
        if (given != 1) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "Give exactly one of `InstanceName`, `UserData`, "
                    + "`SecurityGroups`, `CamRoleName`, `HostName` and `DisableApiTermination`.");
        }
        InstanceFields.instanceName(r.instanceName(), MAX_NAME);
        InstanceFields.securityGroups("SecurityGroups", r.securityGroups());
        InstanceFields.camRoleName(r.camRoleName());
        InstanceFields.userData(r.userData());
        Checks.text("CamRoleType", r.camRoleType(), 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        // The Linux rule is the looser one; a Windows instance of the batch is held to its own below.
        InstanceFields.hostName(r.hostName(), false);
        UnaryOperator<Instance> change;
        if (r.instanceName() != null) {
            change = i -> i.toBuilder().name(r.instanceName()).build();
        } else if (r.securityGroups() != null) {
            change = i -> i.toBuilder().securityGroupIds(r.securityGroups()).build();
        } else if (r.camRoleName() != null) {
            change = i -> i.toBuilder().camRoleName(r.camRoleName()).build();
        } else if (r.hostName() != null) {
            change = i -> {
                InstanceFields.hostName(r.hostName(), ImageCatalog.find(i.spec().imageId())
                        .map(ImageCatalog.Image::windows).orElse(false));
                return i.toBuilder().hostName(r.hostName()).build();
            };
        } else if (r.disableApiTermination() != null) {
            boolean protect = r.disableApiTermination();
            change = i -> {
                if (protect && i.chargeType() == ChargeType.SPOTPAID) {
                    throw ApiException.of(ErrorCode.UNSUPPORTED_CHARGE_TYPE, i.id());
                }
                return i.toBuilder().disableApiTermination(protect).build();
            };
        } else {
            // UserData: kept for DescribeInstancesAttributes; the real service applies it at the next start.
            change = i -> i.withLaunch(i.spec().launchOrDefaults().withUserData(r.userData()));
        }
        StateChange.run(service, ctx, r.instanceIds(), Operation.MODIFY, change);
        return new Response();
    }
}
