package dev.localcvm.cam;

import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.List;
import java.util.Locale;

/** How CAM's listings show a policy and an attachment. */
public final class PolicyViews {
    /** Every policy here is written in policy syntax: CAM's create mode 2 (1 is "by product or project rights"). */
    static final long SYNTAX = 2;

    private PolicyViews() {
    }

    /** "User" for a custom policy, "QCS" for a preset, as the attachment listings spell the type. */
    static String policyType(CamPolicy p) {
        return p.preset() ? "QCS" : "User";
    }

    /** An attachment as ListAttachedUserPolicies and ListAttachedGroupPolicies show it. */
    public record AttachPolicyInfo(long policyId, String policyName, String addTime, long createMode,
                                   String policyType, String remark, String operateOwnerUin, String operateUin,
                                   long operateUinType, long deactived, List<String> deactivedDetail) {
        static AttachPolicyInfo of(CamAttachment a, String owner) {
            CamPolicy p = a.policy();
            return new AttachPolicyInfo(p.policyId(), p.name(), CamRules.time(a.attachedAt()), SYNTAX, PolicyViews.policyType(p),
                    p.description(), owner, owner, 0, 0, List.of());
        }
    }

    /** A list of attachments filtered by a keyword (a substring of the policy's name, any case). */
    static List<CamAttachment> matching(List<CamAttachment> all, String keyword) {
        if (keyword == null || keyword.isEmpty()) {
            return all;
        }
        String k = keyword.toLowerCase(Locale.ROOT);
        return all.stream().filter(a -> a.policy().name().toLowerCase(Locale.ROOT).contains(k)).toList();
    }

    /** A search keyword: at most 128 characters (InvalidParameter.SearchKeywordLengthError beyond). */
    static String keyword(String keyword) {
        if (keyword != null && keyword.length() > 128) {
            throw new ApiException(ErrorCode.CAM_KEYWORD_LENGTH_ERROR,
                    "`Keyword` may be at most 128 characters.");
        }
        return keyword;
    }
}
