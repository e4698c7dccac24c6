package dev.localcvm.cam.policy;

import java.util.List;
import java.util.Optional;

/**
 * CAM's preset policies for the products localcvm serves. AdministratorAccess (1), QCloudResourceFullAccess (2) and
 * ReadOnlyAccess (400411) carry the ids and documents CAM's documentation shows; the documents of
 * QcloudCVMInnerReadOnlyAccess, QcloudCVMReadOnlyAccess, QcloudVPCFullAccess and QcloudVPCReadOnlyAccess are the
 * ones the product documentation prints. The ids of the others are not published: they are numbered here from
 * 1001, and their documents grant the product's actions ({@code service:*}) or its reading actions on {@code *}.
 */
public final class Presets {
    /**
     * A preset policy (CAM's "QCS" policies, type 2).
     *
     * @param policyId fixed, and below {@link #FIRST_CUSTOM_ID}
     */
    public record Preset(long policyId, String name, String description, String document) {
    }

    /** Custom policies get ids from here up, so that they never meet a preset's. */
    public static final long FIRST_CUSTOM_ID = 100_000_000L;

    private static final List<Preset> ALL = List.of(
            new Preset(1, "AdministratorAccess",
                    "Manage all users of the account and their permissions, financial information and cloud assets.",
                    doc(allow("\"*\""))),
            new Preset(2, "QCloudResourceFullAccess",
                    "Manage all cloud resources of the account, except CAM and finance.",
                    doc(allowWhen("\"*\"", "{\"numeric_equal\":{\"qcs:except_cam_finance\":1}}"))),
            new Preset(400411, "ReadOnlyAccess",
                    "Read-only access to all cloud assets of the account that support API or resource authorization.",
                    doc(allowWhen("\"*\"", "{\"numeric_equal\":{\"qcs:read_only_action\":1}}"))),
            new Preset(1001, "QcloudCVMFullAccess", "Full read-write access to Cloud Virtual Machine (CVM).",
                    doc(allow("\"cvm:*\""))),
            new Preset(1002, "QcloudCVMInnerReadOnlyAccess", "Read-only access to Cloud Virtual Machine (CVM).",
                    doc(allow("\"cvm:Describe*\",\"cvm:Inquiry*\""))),
            new Preset(1003, "QcloudCVMReadOnlyAccess",
                    "Read-only access to CVM and its related resources (VPC, CLB) and full access to Cloud Monitor.",
                    doc(allow("\"cvm:Describe*\",\"cvm:Inquiry*\""), allow("\"vpc:Describe*\",\"vpc:Inquiry*\",\"vpc:Get*\""),
                            allow("\"clb:Describe*\""), allow("\"monitor:*\""))),
            new Preset(1004, "QcloudVPCFullAccess", "Full read-write access to Virtual Private Cloud (VPC).",
                    doc(allow("\"vpc:*\""))),
            new Preset(1005, "QcloudVPCReadOnlyAccess", "Read-only access to Virtual Private Cloud (VPC).",
                    doc(allow("\"vpc:Describe*\",\"vpc:Inquiry*\",\"vpc:Get*\""))),
            // CBS's CAM documentation authorizes its actions as name/cvm:...; both spellings are granted.
            new Preset(1006, "QcloudCBSFullAccess", "Full read-write access to Cloud Block Storage (CBS).",
                    doc(allow("\"cbs:*\",\"cvm:*Disk*\",\"cvm:*Snapshot*\""))),
            new Preset(1007, "QcloudCBSReadOnlyAccess", "Read-only access to Cloud Block Storage (CBS).",
                    doc(allow("\"cbs:Describe*\",\"cbs:Inquiry*\",\"cbs:Inquire*\",\"cvm:Describe*Disk*\","
                            + "\"cvm:Describe*Snapshot*\""))),
            new Preset(1008, "QcloudTAGFullAccess", "Full read-write access to Tag.", doc(allow("\"tag:*\""))),
            new Preset(1009, "QcloudTAGReadOnlyAccess", "Read-only access to Tag.",
                    doc(allow("\"tag:Describe*\",\"tag:Get*\""))),
            new Preset(1010, "QcloudCamFullAccess", "Full read-write access to Cloud Access Management (CAM).",
                    doc(allow("\"cam:*\""))),
            new Preset(1011, "QcloudCamReadOnlyAccess", "Read-only access to Cloud Access Management (CAM).",
                    doc(allow("\"cam:Get*\",\"cam:List*\",\"cam:Describe*\""))));

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static Optional<Preset> byId(long policyId) {
        return all().stream().filter(p -> p.policyId() == policyId).findFirst();
    }

    public static Optional<Preset> byName(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static String allow(String actions) {
        return "{\"effect\":\"allow\",\"action\":[" + actions + "],\"resource\":\"*\"}";
    }

    private static String allowWhen(String actions, String condition) {
        return "{\"effect\":\"allow\",\"action\":[" + actions + "],\"resource\":\"*\",\"condition\":" + condition + "}";
    }

    private static String doc(String... statements) {
        return "{\"version\":\"2.0\",\"statement\":[" + String.join(",", statements) + "]}";
    }
}
