package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import java.util.List;
import java.util.Locale;

/** ListGroups: the account's user groups in id order, those whose name contains Keyword (any case); Page/Rp paging. */
public final class ListGroups extends BaseAction<ListGroups.Request> {
    private final CamService service;

    public ListGroups(CamService service) {
        super("ListGroups", Request.class, 20, false);
        this.service = service;
    }

    public record Request(Long page, Long rp, String keyword) {
    }

    public record Response(long totalNum, List<GroupViews.GroupInfo> groupInfo) {
    }

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        CamRules.Page page = CamRules.Page.of(r.page(), r.rp(), Long.MAX_VALUE, 200);
        String k = PolicyViews.keyword(r.keyword()) == null ? "" : r.keyword().toLowerCase(Locale.ROOT);
        List<CamGroup> all = service.store().read(tx -> tx.groups(ctx.account().uin())).stream()
                .filter(g -> g.name().toLowerCase(Locale.ROOT).contains(k)).toList();
        return new Response(all.size(), page.slice(all).stream().map(GroupViews.GroupInfo::of).toList());
    }
}
