package dev.localcvm.cam;

import dev.localcvm.api.BaseAction;
import dev.localcvm.api.CallContext;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.store.CamRepository;
import java.util.List;

/**
 * CreateRole: a role with its trust policy (who may assume it), checked by CAM's policy syntax. SessionDuration bounds
 * the sessions sts grants (0-43200 seconds; 0 or none means sts's own maximum, 43200). Tags are checked and not
 * kept: localcvm's tag product does not tag CAM roles.
 */
public final class CreateRole extends BaseAction<CreateRole.Request> {
    private final CamService service;

    public CreateRole(CamService service) {
        super("CreateRole", Request.class, 20, false);
        this.service = service;
    }

    public record RoleTags(String key, String value) {
    }

    public record Request(String roleName, String policyDocument, String description, Long consoleLogin,
                          Long sessionDuration, List<RoleTags> tags) {
    }

    public record Response(String roleId) {
    }

    @Override
    public Response execute(Request r, CallContext ctx) {
        String owner = ctx.account().uin();
        String name = CamRules.roleName("RoleName", r.roleName());
        String description = CamRules.description(r.description());
        long consoleLogin = CamRules.flag("ConsoleLogin", r.consoleLogin(), 0);
        long duration = r.sessionDuration() == null ? 0 : r.sessionDuration();
        if (duration < 0 || duration > CamRepository.MAX_SESSION_SECONDS) {
            throw CamRules.param("SessionDuration", "must be between 0 and " + CamRepository.MAX_SESSION_SECONDS);
        }
        tags(r.tags());
        if (!CamRules.document(r.policyDocument()).hasPrincipal()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_PRINCIPAL_ERROR,
                    "principal: a role's trust policy names who may assume it.");
        }
        String document = r.policyDocument();
        String id = service.store().write(owner, tx -> {
            if (tx.roleByName(owner, name).isPresent()) {
                throw ApiException.of(ErrorCode.CAM_ROLE_NAME_IN_USE, name);
            }
            if (tx.countRoles(owner) >= CamRules.MAX_ROLES) {
                throw new ApiException(ErrorCode.CAM_ROLE_FULL, ErrorCode.CAM_ROLE_FULL.message(null));
            }
            String roleId = String.valueOf(tx.nextId("cam.role_id", CamService.FIRST_ROLE_ID));
            CamRole role = new CamRole(owner, roleId, name, document, description,
                    duration == 0 ? CamRepository.MAX_SESSION_SECONDS : duration, ctx.now());
            tx.insertRole(new CamRoleDetail(role, consoleLogin, duration, ctx.now()));
            return roleId;
        });
        return new Response(id);
    }

    /** At most 50 tags, each with a key of 1-127 and a value of at most 255 characters (the tag product's rules). */
    private static void tags(List<RoleTags> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > 50) {
            throw CamRules.param("Tags", "may have at most 50 elements");
        }
        for (int i = 0; i < tags.size(); i++) {
            RoleTags t = tags.get(i);
            if (t == null || t.key() == null || t.key().isEmpty()) {
                throw ApiException.missingParameter("Tags." + i + ".Key");
            }
            CamRules.text("Tags." + i + ".Key", t.key(), 127);
            CamRules.text("Tags." + i + ".Value", t.value(), 255);
        }
    }
}
