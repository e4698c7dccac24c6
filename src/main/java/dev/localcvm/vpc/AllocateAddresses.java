package dev.localcvm.vpc;

import dev.localcvm.api.CamResource;
import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.IdFormat;
import dev.localcvm.cvm.RunInstancesChecks;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** AllocateAddresses: new EIPs, CREATING for D, then UNBIND. */
public final class AllocateAddresses extends BaseAction<AllocateAddresses.Request> {
    static final Set<String> ADDRESS_TYPES = Set.of("EIP", "HighQualityEIP", "AntiDDoSEIP");
    static final Set<String> CHARGE_TYPES = Set.of("BANDWIDTH_PACKAGE", "BANDWIDTH_POSTPAID_BY_HOUR",
            "BANDWIDTH_PREPAID_BY_MONTH", "TRAFFIC_POSTPAID_BY_HOUR");
    static final Set<String> PROVIDERS = Set.of("BGP", "CMCC", "CTCC", "CUCC");
    static final Set<Long> PERIODS = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 12L, 24L, 36L);
    static final String DEFAULT_CHARGE_TYPE = "TRAFFIC_POSTPAID_BY_HOUR";
    static final int MAX_NAME = 128;
    /** Our bound: the documentation gives per-type maxima we do not model; 1 Mbps is its default. */
    static final long MAX_BANDWIDTH = 1000;
    private static final Pattern BANDWIDTH_PACKAGE_ID = IdFormat.BANDWIDTH_PACKAGE.pattern();
    private final AddressService service;

    public AllocateAddresses(AddressService service) {
        super("AllocateAddresses", Request.class, 20);
        this.service = service;
    }

    public record ChargePrepaid(Long period, Long autoRenewFlag) {
    }

    public record Request(Long addressCount, String internetServiceProvider, String internetChargeType,
                          Long internetMaxBandwidthOut, ChargePrepaid addressChargePrepaid, String addressType,
                          List<Address.Tag> tags, String bandwidthPackageId, String addressName) {
    }

    public record Response(List<String> addressSet, String taskId) {
    }

    @Override
    public List<String> camResources(Request r, CallContext ctx) {
        return CamResource.names("vpc", ctx, "eip", null);
    }

    @Override
    public java.util.Map<String, String> camRequestTags(Request r) {
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        if (r.tags() != null) {
            r.tags().stream().filter(t -> t != null && t.key() != null)
                    .forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
        }
        return tags;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        Checks.range("AddressCount", r.addressCount(), 1, 100);
        Checks.oneOf("AddressType", r.addressType(), ADDRESS_TYPES);
        Checks.oneOf("InternetServiceProvider", r.internetServiceProvider(), PROVIDERS);
        Checks.oneOf("InternetChargeType", r.internetChargeType(), CHARGE_TYPES);
        Long bandwidth = r.internetMaxBandwidthOut();
        if (bandwidth != null && (bandwidth < 1 || bandwidth > MAX_BANDWIDTH)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_BANDWIDTH_OUT_OF_RANGE,
                    "`InternetMaxBandwidthOut` must be between 1 and " + MAX_BANDWIDTH + ".");
        }
        if (r.addressChargePrepaid() != null) {
            Long period = r.addressChargePrepaid().period();
            if (period == null) {
                throw ApiException.missingParameter("AddressChargePrepaid.Period");
            }
            if (!PERIODS.contains(period)) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE, "`AddressChargePrepaid.Period` `" + period
                        + "` is not one of 1-9, 12, 24, 36.");
            }
            Checks.range("AddressChargePrepaid.AutoRenewFlag", r.addressChargePrepaid().autoRenewFlag(), 0, 2);
        }
        Checks.id(r.bandwidthPackageId(), BANDWIDTH_PACKAGE_ID, ErrorCode.INVALID_PARAMETER_VALUE_BANDWIDTH_PACKAGE_ID_MALFORMED);
        Checks.text("AddressName", r.addressName(), MAX_NAME, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        List<Address.Tag> tags = tags(r.tags());

        int count = r.addressCount() == null ? 1 : r.addressCount().intValue();
        String uin = ctx.account().uin();
        int live = service.all(uin, ctx.region(), ctx.now()).size();
        Integer own = service.cvm().attributes().account(uin).addressQuota();
        int quota = own != null ? own : service.settings().quota();
        if (live + count > quota) {
            throw ApiException.of(ErrorCode.ADDRESS_QUOTA_LIMIT_EXCEEDED, quota);
        }
        String type = r.addressType() == null ? "EIP" : r.addressType();
        String charge = r.internetChargeType() == null ? DEFAULT_CHARGE_TYPE : r.internetChargeType();
        List<Address> created = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            created.add(Address.allocate(service.ids().next("eip"), uin, ctx.region(), service.ids().publicIp(), type,
                    r.addressName() == null ? "" : r.addressName(), charge, bandwidth == null ? 1 : bandwidth, tags,
                    ctx.now(), service.settings().transitionDelay()));
        }
        List<String> ids = created.stream().map(Address::id).toList();
        long task = service.commit(uin, ctx.region(), created, List.of(), ids, null, ctx.now(), quota);
        return new Response(ids, Long.toString(task));
    }

    /** The tag product's rules, as RunInstances applies them: at most 50, keys unique, legal characters. */
    private static List<Address.Tag> tags(List<Address.Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > RunInstancesChecks.MAX_TAGS) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_TAG_QUOTA);
        }
        Set<String> keys = new HashSet<>();
        List<Address.Tag> out = new ArrayList<>(tags.size());
        for (int t = 0; t < tags.size(); t++) {
            Address.Tag tag = tags.get(t);
            if (tag == null || tag.key() == null) {
                throw ApiException.missingParameter("Tags." + t + ".Key");
            }
            String value = tag.value() == null ? "" : tag.value();
            RunInstancesChecks.tag(tag.key(), value);
            if (!keys.add(tag.key())) {
                throw ApiException.of(ErrorCode.INVALID_PARAMETER_VALUE_DUPLICATE_TAGS, Checks.quote(tag.key()));
            }
            out.add(new Address.Tag(tag.key(), value));
        }
        return out;
    }
}
