package dev.localcvm.cam;

import dev.localcvm.api.Product;
import dev.localcvm.cvm.RegionCatalog;
import java.util.List;

/**
 * The cam product: service {@code cam}, version 2019-01-16, host cam.tencentcloudapi.com. CAM is global: no action needs
 * a Region, and one given is ignored.
 */
public final class CamProduct {
    public static final String SERVICE = "cam";
    public static final String VERSION = "2019-01-16";

    private CamProduct() {
    }

    public static Product create(CamService s) {
        return Product.of(SERVICE, VERSION, RegionCatalog.regionCodes(), List.of(
                new AddUser(s), new GetUser(s), new ListUsers(s), new DeleteUser(s),
                new CreateAccessKey(s), new ListAccessKeys(s), new UpdateAccessKey(s), new DeleteAccessKey(s),
                new CreateGroup(s), new GetGroup(s), new ListGroups(s), new AddUserToGroup(s),
                new RemoveUserFromGroup(s), new ListGroupsForUser(s), new ListUsersForGroup(s),
                new AttachGroupPolicy(s), new DetachGroupPolicy(s), new ListAttachedGroupPolicies(s),
                new CreatePolicy(s), new GetPolicy(s), new ListPolicies(s), new UpdatePolicy(s), new DeletePolicy(s),
                new AttachUserPolicy(s), new DetachUserPolicy(s), new ListAttachedUserPolicies(s),
                new CreateRole(s), new GetRole(s), new DeleteRole(s),
                new AttachRolePolicy(s), new DetachRolePolicy(s), new ListAttachedRolePolicies(s)));
    }
}
