package dev.localcvm.cam;

import dev.localcvm.account.ApiKey;
import dev.localcvm.account.KeyRestrictions;
import dev.localcvm.account.Principal;
import dev.localcvm.api.Action;
import dev.localcvm.api.Authorizer;
import dev.localcvm.api.CallContext;
import dev.localcvm.api.Product;
import dev.localcvm.cam.policy.Access;
import dev.localcvm.cam.policy.Decision;
import dev.localcvm.cam.policy.Evaluator;
import dev.localcvm.cam.policy.PolicyDocument;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CAM's enforcement on every request of every product (issue 16). First the credential's admin switches, which
 * hold for the root too (a deny list acts as an explicit deny statement on the key; read-only as a deny of every
 * write). Then, for a signer that is not the root, the policies in force for it, read from the store on each call
 * (so that a change made through another replica holds at once) and judged by {@link Evaluator#decide}:
 * <ul>
 *     <li>a sub-user: the policies attached to it and to its groups;</li>
 *     <li>a role session: the role's policies, narrowed by the session policy given to AssumeRole;</li>
 *     <li>a federated user: the policy given to GetFederationToken, narrowed by the issuing sub-user's policies
 *     when a sub-user issued the token.</li>
 * </ul>
 * A user, role or policy that is gone leaves nothing that allows, so the call is refused, never an internal error.
 */
public final class CamAuthorizer implements Authorizer {
    private static final Logger LOG = LoggerFactory.getLogger(CamAuthorizer.class);
    static final String RESOURCE_TAG = "qcs:resource_tag";
    static final String REQUEST_TAG = "qcs:request_tag";

    private final CamDirectory directory;
    private final ResourceTagSource tags;
    private final PolicyCache cache = new PolicyCache(1024);

    public CamAuthorizer(CamDirectory directory, ResourceTagSource tags) {
        this.directory = directory;
        this.tags = tags;
    }

    /** The policies that grant, and those that only narrow (each must allow too). */
    record Policies(List<PolicyDocument> grants, List<PolicyDocument> limits) {
        boolean mention(String key) {
            return grants.stream().anyMatch(d -> d.mentions(key)) || limits.stream().anyMatch(d -> d.mentions(key));
        }
    }

    @Override
    public <Q extends Record> void authorize(Product product, Action<Q> action, Q request, CallContext context,
                                             ApiKey key) {
        String camAction = product.service() + ":" + action.name();
        KeyRestrictions switches = key.restrictions();
        if (switches.denies(product.service(), action.name())) {
            throw refusal(context, camAction, resources(action, request, context).get(0));
        }
        if (switches.readOnly() && action.writes()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED_OPERATION,
                    "The credential is read-only and `" + camAction + "` may change resources.");
        }
        Principal principal = key.principal();
        if (principal.isRoot() || !action.camAuthorized()) {
            return;
        }
        Policies policies = policies(principal);
        List<String> names = resources(action, request, context);
        Map<String, Map<String, String>> resourceTags = policies.mention(RESOURCE_TAG) && !names.equals(List.of("*"))
                ? tags.tags(principal.ownerUin(), names) : Map.of();
        List<Access.Resource> resources = new ArrayList<>(names.size());
        for (String name : names) {
            resources.add(new Access.Resource(name, resourceTags.getOrDefault(name, Map.of())));
        }
        Map<String, String> requestTags = policies.mention(REQUEST_TAG) ? action.camRequestTags(request) : Map.of();
        Access access = new Access(camAction, resources, new Access.Facts(context.region(), context.sourceIp(),
                key.mfa() == null, context.now(), requestTags));
        Decision decision = Evaluator.decide(policies.grants(), policies.limits(), access);
        if (!decision.allowed()) {
            throw refusal(context, camAction, decision.refusedResource());
        }
    }

    /** What the policies of this signer are now; each read goes to the store. */
    Policies policies(Principal p) {
        String owner = p.ownerUin();
        String session = p.sessionPolicy();
        return switch (p.kind()) {
            case ROOT -> new Policies(List.of(), List.of());
            case SUB_USER -> new Policies(parsed(directory.userPolicies(owner, p.uin())), List.of());
            case ROLE_SESSION -> new Policies(parsed(directory.rolePolicies(owner, p.roleId())),
                    session == null ? List.of() : parsed(List.of(session)));
            // A token without a policy of its own allows nothing. Intersection is symmetric: when a sub-user issued
            // the token, the sub-user's policies grant and the token's policy narrows.
            case FEDERATED -> session == null ? new Policies(List.of(), List.of())
                    : p.uin() == null || p.uin().equals(owner) ? new Policies(parsed(List.of(session)), List.of())
                    : new Policies(parsed(directory.userPolicies(owner, p.uin())), parsed(List.of(session)));
        };
    }

    private List<PolicyDocument> parsed(List<String> texts) {
        List<PolicyDocument> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            try {
                out.add(cache.get(text));
            } catch (ApiException e) {
                // Stored documents were checked when written; one that a later parser refuses allows nothing.
                LOG.warn("a stored policy document no longer parses and is ignored: {}", e.getMessage());
            }
        }
        return out;
    }

    private static <Q extends Record> List<String> resources(Action<Q> action, Q request, CallContext context) {
        List<String> names = action.camResources(request, context);
        return names.isEmpty() ? List.of("*") : names;
    }

    /**
     * CAM's refusal in its own words, as live answers show them: the request id in brackets, the action, then the
     * first refused resource, each line ending with a newline.
     */
    static ApiException refusal(CallContext context, String camAction, String resource) {
        return new ApiException(ErrorCode.AUTH_UNAUTHORIZED_OPERATION, "[request id:" + context.requestId()
                + "]you are not authorized to perform operation (" + camAction + ")\nresource (" + resource
                + ") has no permission\n");
    }
}
