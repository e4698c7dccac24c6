package dev.localcvm.vpc;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * DescribeTaskResult: RUNNING while an address of the task is still in a transitional status, then SUCCESS (an
 * address released meanwhile counts as done).
 */
public final class DescribeTaskResult extends BaseAction<DescribeTaskResult.Request> {
    private final AddressService service;

    public DescribeTaskResult(AddressService service) {
        super("DescribeTaskResult", Request.class, 20);
        this.service = service;
    }

    public record Request(Long taskId, String dealName) {
    }

    public record Response(long taskId, String result) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        if (r.taskId() == null) {
            throw ApiException.missingParameter("TaskId");
        }
        String uin = ctx.account().uin();
        var addressIds = service.task(uin, ctx.region(), r.taskId()).orElseThrow(() -> new ApiException(
                ErrorCode.RESOURCE_NOT_FOUND, "The task `" + r.taskId() + "` does not exist."));
        Map<String, Address> live = service.all(uin, ctx.region(), ctx.now()).stream()
                .collect(Collectors.toMap(Address::id, Function.identity()));
        boolean running = addressIds.stream().map(live::get)
                .anyMatch(a -> a != null && a.status().transitional());
        return new Response(r.taskId(), running ? "RUNNING" : "SUCCESS");
    }
}
