package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.params.Checks;
import dev.localcvm.cam.policy.Presets;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ListPolicies: the presets (type 2) and the account's custom policies (type 1) in policy id order, so presets come
 * first; Scope QCS or Local keeps one kind, Keyword keeps names containing it (any case). Rp 1-200 (default 20), Page
 * 1-200 (default 1).
 */
public final class ListPolicies extends BaseAction<ListPolicies.Request> {
    private final CamService service;

    public ListPolicies(CamService service) {
        super("ListPolicies", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long rp, Long page, String scope, String keyword) {
    }

    public record StrategyInfo(long policyId, String policyName, String addTime, long type, String description,
                               long createMode, long attachments, String serviceType, Long isAttached,
                               long deactived, List<String> deactivedDetail, long isServiceLinkedPolicy,
                               long attachEntityCount, long attachEntityBoundaryCount, String updateTime) {
    }

    public record Response(long totalNum, List<StrategyInfo> list, List<String> serviceTypeList) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), 200, 200);
        String scope = r.scope() == null ? "All" : r.scope();
        if (!List.of("All", "QCS", "Local").contains(scope)) {
            throw ApiException.of(ErrorCode.CAM_SCOPE_ERROR, Checks.quote(scope));
        }
        String keyword = PolicyViews.keyword(r.keyword());
        String owner = ctx.account().uin();
        List<CamPolicy> all = new ArrayList<>();
        if (!scope.equals("Local")) {
            Presets.all().forEach(p -> all.add(CamPolicy.of(p)));
        }
        record Read(List<CamPolicy> custom, Map<Long, Map<String, Integer>> counts) {
        }
        Read read = service.store().read(tx -> new Read(scope.equals("QCS") ? List.of() : tx.policies(owner),
                tx.attachmentCounts(owner)));
        all.addAll(read.custom());
        String k = keyword == null ? "" : keyword.toLowerCase(Locale.ROOT);
        List<CamPolicy> matching = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(k))
                .sorted((a, b) -> Long.compare(a.policyId(), b.policyId())).toList();
        List<StrategyInfo> list = page.slice(matching).stream().map(p -> {
            Map<String, Integer> counts = read.counts().getOrDefault(p.policyId(), Map.of());
            long users = counts.getOrDefault(CamAttachment.Target.USER.name(), 0);
            long entities = counts.values().stream().mapToLong(Integer::longValue).sum();
            return new StrategyInfo(p.policyId(), p.name(), CamRules.time(p.createdAt()), p.type(), p.description(),
                    PolicyViews.SYNTAX, users, null, null, 0, List.of(), 0, entities, 0, CamRules.time(p.updatedAt()));
        }).toList();
        return new Response(matching.size(), list, null);
    }
}
