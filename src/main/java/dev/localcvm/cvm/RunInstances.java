package dev.localcvm.cvm;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.RequestIds;
import dev.localcvm.cvm.domain.AccountAttributes;
import dev.localcvm.cvm.domain.ChargeType;
import dev.localcvm.cvm.domain.ImageCatalog;
import dev.localcvm.cvm.domain.Instance;
import dev.localcvm.cvm.domain.InstanceState;
import dev.localcvm.cvm.domain.InstanceTypes;
import dev.localcvm.cvm.domain.Operation;
import dev.localcvm.cvm.domain.ResourcePlan;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.InstanceRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RunInstances (cvm-terminate.md §9): validates, then creates the instances at once in PENDING; they
 * become RUNNING (or LAUNCH_FAILED when a launch failure is queued for the account) after D.
 */
public final class RunInstances extends BaseAction<RunInstancesRequest> {
    static final Duration CLIENT_TOKEN_WINDOW = Duration.ofHours(24);
    private static final Set<Long> PERIODS = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 24L, 36L, 48L, 60L);
    private static final Set<String> RENEW_FLAGS = Set.of("NOTIFY_AND_AUTO_RENEW", "NOTIFY_AND_MANUAL_RENEW",
            "DISABLE_NOTIFY_AND_MANUAL_RENEW");
    private static final Set<ChargeType> LAUNCHABLE = Set.of(ChargeType.PREPAID, ChargeType.POSTPAID_BY_HOUR,
            ChargeType.SPOTPAID, ChargeType.CDHPAID, ChargeType.CDCPAID);
    private static final int MAX_COUNT = 500;
    private static final Pattern NUMBERED = Pattern.compile("\\{R:(\\d{1,9})}");

    private static final int MAX_ID_DRAWS = 5;
    private final CvmService service;
    private final ResourceIds ids;

    public RunInstances(CvmService service, ResourceIds ids) {
        super(Operation.RUN.apiName(), RunInstancesRequest.class, 10);
        this.service = service;
        this.ids = ids;
    }

    public record Response(List<String> instanceIdSet) {
    }

    @Override
    public List<String> camResources(RunInstancesRequest r, CallContext ctx) {
        return CamResource.names("cvm", ctx, "instance", null);
    }

    @Override
    public java.util.Map<String, String> camRequestTags(RunInstancesRequest r) {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        if (r.tagSpecification() != null) {
            for (RunInstancesRequest.TagSpecification spec : r.tagSpecification()) {
                if (spec != null && "instance".equals(spec.resourceType()) && spec.tags() != null) {
                    spec.tags().stream().filter(t -> t != null && t.key() != null)
                            .forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
                }
            }
        }
        return tags;
    }

    @Override
    public Response execute(RunInstancesRequest r, CallContext ctx) {
        String uin = ctx.account().uin();
        if (r.clientToken() != null) {
            if (r.clientToken().length() > 64 || !StandardCharsets.US_ASCII.newEncoder().canEncode(r.clientToken())) {
                throw new ApiException(ErrorCode.INVALID_CLIENT_TOKEN_TOO_LONG);
            }
            Optional<List<String>> earlier = service.instances().findClientToken(uin, ctx.region(), r.clientToken(),
                    ctx.now().minus(CLIENT_TOKEN_WINDOW));
            if (earlier.isPresent()) {
                return new Response(earlier.get());
            }
        }
        Launch launch = validate(r, ctx);
        AccountAttributes attrs = service.attributes().account(uin);
        int quota = attrs.instanceQuota() != null ? attrs.instanceQuota() : service.settings().defaultInstanceQuota();
        if (service.instances().countLive(uin, ctx.region()) + launch.count() > quota) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED_INSTANCE_QUOTA,
                    "The instance quota of " + quota + " in " + ctx.region() + " would be exceeded.");
        }
        if (Boolean.TRUE.equals(r.dryRun())) {
            return new Response(List.of());
        }
        service.injectFault(name(), List.of());
        List<String> createdIds = unusedIds(launch.count());
        List<Instance> created = new ArrayList<>();
        for (int n = 0; n < launch.count(); n++) {
            created.add(build(r, launch, ctx, n, createdIds.get(n), attrs.failNextLaunches() > 0));
        }
        InstanceRepository.ClientToken token = r.clientToken() == null ? null
                : new InstanceRepository.ClientToken(uin, ctx.region(), r.clientToken(), createdIds,
                ctx.now().minus(CLIENT_TOKEN_WINDOW));
        try {
            service.instances().commit(new InstanceRepository.Changes(created, List.of(), List.of(), ctx.now(), null, 0, token));
        } catch (RuntimeException e) {
            // A concurrent request with the same ClientToken won: answer with what it created.
            if (token != null) {
                Optional<List<String>> winner = service.instances().findClientToken(uin, ctx.region(), r.clientToken(),
                        ctx.now().minus(CLIENT_TOKEN_WINDOW));
                if (winner.isPresent()) {
                    return new Response(winner.get());
                }
            }
            throw e;
        }
        return new Response(createdIds);
    }

    /** What validation settled: the count, the charge type, the image and the shape. */
    private record Launch(int count, ChargeType chargeType, ImageCatalog.Image image, String instanceType,
                          InstanceTypes.Shape shape, String zone) {
    }

    private Launch validate(RunInstancesRequest r, CallContext ctx) {
        if (r.launchTemplate() != null) {
            throw new ApiException(ErrorCode.UNSUPPORTED_OPERATION, "`LaunchTemplate` is not supported by localcvm.");
        }
        if (r.placement() == null || r.placement().zone() == null) {
            throw ApiException.missingParameter("Placement.Zone");
        }
        if (r.imageId() == null) {
            throw ApiException.missingParameter("ImageId");
        }
        ChargeType chargeType = r.instanceChargeType() == null ? ChargeType.POSTPAID_BY_HOUR
                : ChargeType.parse(r.instanceChargeType());
        if (chargeType == null || !LAUNCHABLE.contains(chargeType)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "`InstanceChargeType` `" + r.instanceChargeType() + "` is not supported.");
        }
        if (chargeType == ChargeType.PREPAID) {
            if (r.instanceChargePrepaid() == null || r.instanceChargePrepaid().period() == null) {
                throw ApiException.missingParameter("InstanceChargePrepaid.Period");
            }
            if (!PERIODS.contains(r.instanceChargePrepaid().period())) {
                throw new ApiException(ErrorCode.INVALID_PERIOD,
                        "`InstanceChargePrepaid.Period` must be 1-12, 24, 36, 48 or 60 months.");
            }
            String flag = r.instanceChargePrepaid().renewFlag();
            if (flag != null && !RENEW_FLAGS.contains(flag)) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "`InstanceChargePrepaid.RenewFlag` `" + flag + "` is invalid.");
            }
        }
        String zone = r.placement().zone();
        var region = RegionCatalog.region(ctx.region()).orElseThrow();
        var zoneInfo = region.zones().stream().filter(z -> z.zone().equals(zone)).findFirst()
                .orElseThrow(() -> ApiException.of(ErrorCode.INVALID_ZONE_MISMATCH_REGION, zone));
        if (!zoneInfo.available()) {
            throw ApiException.of(ErrorCode.RESOURCE_INSUFFICIENT_ZONE_SOLD_OUT, zone);
        }
        if (!r.imageId().matches("img-[a-z0-9]{8}")) {
            throw ApiException.of(ErrorCode.INVALID_IMAGE_ID_MALFORMED, r.imageId());
        }
        ImageCatalog.Image image = ImageCatalog.find(r.imageId())
                .orElseThrow(() -> ApiException.of(ErrorCode.INVALID_IMAGE_ID_NOT_FOUND, r.imageId()));
        String type = r.instanceType() == null ? InstanceTypes.DEFAULT : r.instanceType();
        InstanceTypes.Shape shape = InstanceTypes.parse(type)
                .orElseThrow(() -> ApiException.of(ErrorCode.INVALID_INSTANCE_TYPE_MALFORMED, type));
        long count = r.instanceCount() == null ? 1 : r.instanceCount();
        if (count < 1 || count > MAX_COUNT) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_RANGE,
                    "`InstanceCount` must be between 1 and " + MAX_COUNT + ".");
        }
        List<String> fixedIps = r.virtualPrivateCloud() == null ? null : r.virtualPrivateCloud().privateIpAddresses();
        if (fixedIps != null && (fixedIps.size() != count || fixedIps.size() > 20)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "`VirtualPrivateCloud.PrivateIpAddresses` must hold one address per instance (at most 20).");
        }
        if (r.dataDisks() != null && r.dataDisks().size() > 21) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED, "At most 21 `DataDisks` are allowed.");
        }
        if (Boolean.TRUE.equals(r.disableApiTermination()) && chargeType == ChargeType.SPOTPAID) {
            throw new ApiException(ErrorCode.UNSUPPORTED_CHARGE_TYPE,
                    "Spot instances cannot enable termination protection.");
        }
        RunInstancesChecks.check(r, image.windows());
        return new Launch((int) count, chargeType, image, type, shape, zone);
    }

    /**
     * New ids that no instance has, live or destroyed. With a million ids remembered, a draw of 100 meets a used
     * one at most about once in 30,000 launches, so a few draws always suffice in practice.
     */
    private List<String> unusedIds(int count) {
        for (int draw = 0; draw < MAX_ID_DRAWS; draw++) {
            List<String> candidates = ids.instanceIds(count);
            if (service.instances().takenIds(candidates).isEmpty()) {
                return candidates;
            }
        }
        throw new IllegalStateException("every draw of " + count + " new instance ids met an id in use");
    }

    private Instance build(RunInstancesRequest r, Launch launch, CallContext ctx, int n, String id, boolean failuresQueued) {
        String uin = ctx.account().uin();
        Instant now = ctx.now();
        boolean prepaid = launch.chargeType() == ChargeType.PREPAID;
        long bandwidth = r.internetAccessible() == null || r.internetAccessible().internetMaxBandwidthOut() == null ? 0
                : r.internetAccessible().internetMaxBandwidthOut();
        boolean publicIp = bandwidth > 0 && (r.internetAccessible().publicIpAssigned() == null
                || r.internetAccessible().publicIpAssigned());
        var sd = r.systemDisk();
        Instance.Disk systemDisk = new Instance.Disk(ResourcePlan.systemDiskId(id),
                sd == null || sd.diskType() == null ? "CLOUD_PREMIUM" : sd.diskType(),
                sd == null || sd.diskSize() == null ? 50 : sd.diskSize(), true, false, null,
                sd == null ? null : sd.diskName());
        List<Instance.Disk> dataDisks = r.dataDisks() == null ? List.of() : r.dataDisks().stream()
                .map(d -> new Instance.Disk(ids.next("disk"), d.diskType() == null ? "CLOUD_PREMIUM" : d.diskType(),
                        d.diskSize() == null ? 50 : d.diskSize(), d.deleteWithInstance() == null || d.deleteWithInstance(),
                        Boolean.TRUE.equals(d.encrypt()), d.throughputPerformance(), d.diskName()))
                .toList();
        List<Instance.Tag> tags = new ArrayList<>();
        if (r.tagSpecification() != null) {
            r.tagSpecification().stream().filter(t -> t.tags() != null && (t.resourceType() == null
                            || t.resourceType().equals("instance")))
                    .forEach(t -> t.tags().forEach(tag -> tags.add(new Instance.Tag(tag.key(), tag.value()))));
        }
        var vpc = r.virtualPrivateCloud();
        boolean ownNetwork = vpc != null && !vpc.vpcId().equals(RunInstancesChecks.DEFAULT_NETWORK);
        String privateIp = vpc != null && vpc.privateIpAddresses() != null ? vpc.privateIpAddresses().get(n)
                : ids.privateIp(launch.zone());
        Instance.Spec spec = new Instance.Spec(launch.zone(),
                r.placement().projectId() == null ? 0 : r.placement().projectId(), launch.instanceType(),
                launch.shape().cpu(), launch.shape().memory(), launch.image().imageId(), launch.image().osName(),
                systemDisk, dataDisks, List.of(privateIp), bandwidth,
                r.internetAccessible() == null || r.internetAccessible().internetChargeType() == null
                        ? "TRAFFIC_POSTPAID_BY_HOUR" : r.internetAccessible().internetChargeType(),
                ownNetwork ? vpc.vpcId() : ResourceIds.defaultVpcId(uin, ctx.region()),
                ownNetwork ? vpc.subnetId() : ResourceIds.defaultSubnetId(uin, launch.zone()),
                r.loginSettings() == null || r.loginSettings().keyIds() == null ? List.of() : r.loginSettings().keyIds(),
                List.copyOf(tags), RequestIds.next(),
                prepaid ? (r.instanceChargePrepaid().renewFlag() == null ? "NOTIFY_AND_MANUAL_RENEW"
                        : r.instanceChargePrepaid().renewFlag()) : null,
                prepaid ? now.atOffset(ZoneOffset.UTC).plusMonths(r.instanceChargePrepaid().period()).toInstant() : null,
                launchSettings(r));
        boolean fails = failuresQueued && service.attributes().takeLaunchFailure(uin);
        return new Instance.Builder()
                .id(id).uin(uin).region(ctx.region()).version(0).spec(spec)
                .name(name(r.instanceName(), launch.count(), n)).state(InstanceState.PENDING)
                .chargeType(launch.chargeType()).disableApiTermination(Boolean.TRUE.equals(r.disableApiTermination()))
                .securityGroupIds(r.securityGroupIds() != null ? r.securityGroupIds()
                        : List.of(ResourceIds.defaultSecurityGroupId(uin, ctx.region())))
                .camRoleName(r.camRoleName()).hostName(r.hostName())
                .publicIps(publicIp ? List.of(ids.publicIp()) : null)
                .operation(Operation.RUN, ctx.requestId())
                .isolatedSource("NOTISOLATED").stopChargingMode("NOT_APPLICABLE").createdTime(now)
                .pending(new Instance.Pending(fails ? InstanceState.LAUNCH_FAILED : InstanceState.RUNNING,
                        now.plus(service.settings().transitionDelay()),
                        fails ? "The instance failed to launch (injected by localcvm)." : null))
                .flags(Instance.Flags.NONE)
                .build().settle(now).orElseThrow();
    }

    /** What the instance keeps of EnhancedService, UserData, LoginSettings and PublicIpAssigned; never a password. */
    private static Instance.Launch launchSettings(RunInstancesRequest r) {
        var es = r.enhancedService();
        var login = r.loginSettings();
        return new Instance.Launch(enabled(es == null ? null : es.securityService()),
                enabled(es == null ? null : es.monitorService()), enabled(es == null ? null : es.automationService()),
                r.userData(), login != null && login.password() != null,
                login != null && "TRUE".equals(login.keepImageLogin()),
                r.internetAccessible() == null ? null : r.internetAccessible().publicIpAssigned());
    }

    private static boolean enabled(RunInstancesRequest.ServiceEnabled service) {
        return service == null || service.enabled() == null || service.enabled();
    }

    /** InstanceName with several instances: {@code {R:x}} numbers from x, else suffixes _1.._n. */
    static String name(String given, int count, int n) {
        String base = given == null ? "未命名" : given;
        Matcher m = NUMBERED.matcher(base);
        if (m.find()) {
            return m.replaceFirst(Long.toString(Long.parseLong(m.group(1)) + n));
        }
        return count > 1 ? base + "_" + (n + 1) : base;
    }
}
