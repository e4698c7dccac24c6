package dev.localcvm.vpc;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cvm.ResourceIds;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.tag.Tag;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** DescribeAddresses: the account's EIPs in the request region, newest first. */
public final class DescribeAddresses extends BaseAction<DescribeAddresses.Request> {
    /** The only business type the filter knows; localcvm has no CDC, so it matches nothing. */
    private static final String NO_BUSINESS_TYPE = "";
    private static final Map<String, Function<Address, String>> FILTERS = Map.of(
            "address-id", Address::id, "address-name", Address::name, "address-ip", Address::ip,
            "address-status", a -> a.status().name(), "instance-id", a -> a.instanceId() == null ? "" : a.instanceId(),
            "private-ip-address", a -> a.privateIp() == null ? "" : a.privateIp(), "address-type", Address::type,
            "is-arrears", a -> "FALSE", "business-type", a -> NO_BUSINESS_TYPE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private final AddressService service;

    public DescribeAddresses(AddressService service) {
        super("DescribeAddresses", Request.class, 20);
        this.service = service;
    }

    public record Request(List<String> addressIds, List<NetworkQuery.Filter> filters, Long offset, Long limit) {
    }

    public record AlgType(boolean ftp, boolean sip) {
    }

    public record AddressView(String addressId, String addressName, String addressStatus, String addressIp,
                              String instanceId, String createdTime, String networkInterfaceId,
                              String privateAddressIp, boolean isArrears, boolean isBlocked,
                              boolean isEipDirectConnection, String addressType, boolean cascadeRelease,
                              AlgType eipAlgType, String internetServiceProvider, boolean localBgp, long bandwidth,
                              String internetChargeType, List<Address.Tag> tagSet, String deadlineDate,
                              String instanceType, String egress, String antiDDoSPackageId, String renewFlag,
                              String bandwidthPackageId, String unVpcId, String dedicatedClusterId) {
    }

    public record Response(long totalCount, List<AddressView> addressSet) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.addressIds() != null && r.filters() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_COEXIST,
                    "`AddressIds` and `Filters` cannot be given together.");
        }
        List<Address> all = service.all(ctx.account().uin(), ctx.region(), ctx.now()).stream()
                .sorted(Comparator.comparing(Address::createdTime).reversed().thenComparing(Address::id)).toList();
        if (r.addressIds() != null) {
            Checks.count("AddressIds", r.addressIds(), 100);
            AddressService.checkIds(r.addressIds());
            // An id that does not exist (or no longer does) is simply not in the set, as pollers of a release expect.
            Set<String> wanted = Set.copyOf(r.addressIds());
            all = all.stream().filter(a -> wanted.contains(a.id())).toList();
        }
        // Tags are in the tag store; an account holds few addresses, so all of theirs are read for the filters.
        Map<String, List<Tag>> tags = service.tagsOf(ctx.account().uin(), all.stream().map(Address::id).toList());
        var page = NetworkQuery.select(all, "AddressIds", null, AddressService.ADDRESS_ID, Address::id, r.filters(),
                FILTERS, a -> tags.getOrDefault(a.id(), List.of()), r.offset(), r.limit());
        return new Response(page.totalCount(), page.items().stream()
                .map(a -> view(a, tags.getOrDefault(a.id(), List.of()))).toList());
    }

    static AddressView view(Address a, List<Tag> tags) {
        boolean bound = a.instanceId() != null;
        return new AddressView(a.id(), a.name(), a.status().name(), a.ip(), bound ? a.instanceId() : "",
                TIME.format(a.createdTime().truncatedTo(ChronoUnit.SECONDS)),
                bound ? ResourceIds.stable("eni", a.instanceId()) : "", bound ? a.privateIp() : "", false, false, false,
                a.type(), false, new AlgType(false, false), "BGP", false, a.bandwidth(), a.chargeType(),
                tags.stream().map(t -> new Address.Tag(t.key(), t.value())).toList(), "",
                bound ? "CVM" : "", "center_egress1", "", "", "", "", "");
    }
}
