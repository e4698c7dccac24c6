package dev.localcvm.testing.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.Map;

/**
 * Valid requests, one or more per served action, that the fuzzer mutates. They name real instances of
 * the caller (the scope's ids), so that mutations reach the action's own checks and its writes, not only
 * the binder. An action served without an entry here fails the fuzz test: add its seeds when adding it.
 */
public final class Seeds {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What a seed may refer to: the caller's region, zone and instances there. */
    /** @param vpcId the caller's default VPC in the region, the one every account has */
    public record Context(String region, String zone, List<String> ownIds, List<String> diskIds,
                          List<String> addressIds, String vpcId, SplittableRandom random) {

        /** One of the caller's elastic IPs; a well-formed unknown id when there is none. */
        String address() {
            return addressIds.isEmpty() ? "eip-00000000" : addressIds.get(random.nextInt(addressIds.size()));
        }

        /** One of the disks the caller's instances show; a well-formed unknown id when there is none. */
        String disk() {
            return diskIds.isEmpty() ? "disk-00000000" : diskIds.get(random.nextInt(diskIds.size()));
        }

        /** A six-segment resource name in the caller's region, with the empty uin segment that means the caller's. */
        String name(String service, String prefix, String id) {
            return "qcs::" + service + ":" + region + ":uin/:" + prefix + "/" + id;
        }

        /** One of the caller's instances; a well-formed unknown id when the scope has none. */
        String id() {
            return ownIds.isEmpty() ? "ins-00000000" : ownIds.get(random.nextInt(ownIds.size()));
        }

        /** One to three of the caller's instances. */
        String ids() {
            List<String> out = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String id = id();
                if (!out.contains(id)) {
                    out.add(id);
                }
            }
            return String.join("\",\"", out);
        }
    }

    /** A session policy as sts takes it: URL-encoded JSON allowing cvm:Describe* on everything. */
    private static final String STS_POLICY = "%7B%22version%22%3A%222.0%22%2C%22statement%22%3A%5B%7B%22effect%22"
            + "%3A%22allow%22%2C%22action%22%3A%5B%22cvm%3ADescribe*%22%5D%2C%22resource%22%3A%5B%22*%22%5D%7D%5D%7D";
    /** A sub-user uin, a group id and a pair of them of the form CAM's have, which the seeds' account does not hold. */
    private static final String CAM_UIN = "100100000000";
    private static final String CAM_GROUP = "10000";
    private static final String CAM_PAIR = "{\"Info\":[{\"GroupId\":" + CAM_GROUP + ",\"Uin\":" + CAM_UIN + "}]}";
    /** A policy and a trust policy, as JSON strings inside a request. */
    private static final String CAM_DOCUMENT = "\"{\\\"version\\\":\\\"2.0\\\",\\\"statement\\\":[{\\\"effect\\\":"
            + "\\\"allow\\\",\\\"action\\\":[\\\"cvm:Describe*\\\"],\\\"resource\\\":\\\"*\\\"}]}\"";
    private static final String CAM_TRUST = "\"{\\\"version\\\":\\\"2.0\\\",\\\"statement\\\":[{\\\"effect\\\":"
            + "\\\"allow\\\",\\\"action\\\":\\\"name/sts:AssumeRole\\\",\\\"principal\\\":{\\\"qcs\\\":[\\\"*\\\"]}}]}\"";

    private static final Map<String, Function<Context, List<String>>> TABLE = Map.ofEntries(
            Map.entry("DescribeRegions", c -> List.of("{}")),
            Map.entry("DescribeZones", c -> List.of("{}")),
            // The api product's actions of the same names, reached by its version (Wire.key).
            Map.entry("api:DescribeRegions", c -> List.of("{\"Product\":\"cvm\"}")),
            Map.entry("api:DescribeZones", c -> List.of("{\"Product\":\"cvm\"}")),
            Map.entry("sts:AssumeRole", c -> List.of(
                    "{\"RoleArn\":\"qcs::cam::uin/100000000001:roleName/fuzz-role\",\"RoleSessionName\":\"fuzz\"}",
                    "{\"RoleArn\":\"qcs::cam::uin/100000000001:role/4611686018427397919\",\"RoleSessionName\":\"fuzz\","
                            + "\"DurationSeconds\":900,\"Policy\":\"" + STS_POLICY + "\"}")),
            Map.entry("sts:GetFederationToken", c -> List.of("{\"Name\":\"fuzz\",\"Policy\":\"" + STS_POLICY + "\"}",
                    "{\"Name\":\"fuzz\",\"Policy\":\"" + STS_POLICY + "\",\"DurationSeconds\":900}")),
            Map.entry("sts:GetCallerIdentity", c -> List.of("{}")),
            Map.entry("DescribeZoneInstanceConfigInfos", c -> List.of("{}",
                    "{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"" + c.zone() + "\"]},"
                            + "{\"Name\":\"instance-charge-type\",\"Values\":[\"POSTPAID_BY_HOUR\"]}]}",
                    "{\"Filters\":[{\"Name\":\"instance-family\",\"Values\":[\"S5\",\"GN7\"]},"
                            + "{\"Name\":\"instance-type\",\"Values\":[\"S5.MEDIUM4\"]}]}")),
            Map.entry("DescribeInstanceTypeConfigs", c -> List.of("{}",
                    "{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"" + c.zone() + "\"]},"
                            + "{\"Name\":\"instance-family\",\"Values\":[\"S5\"]}]}")),
            Map.entry("DescribeInstanceFamilyConfigs", c -> List.of("{}")),
            Map.entry("DescribeInstancesAttributes", c -> List.of(
                    "{\"InstanceIds\":[\"" + c.ids() + "\"],\"Attributes\":[\"UserData\"]}")),
            Map.entry("DescribeImages", c -> List.of("{}",
                    "{\"ImageIds\":[\"img-pmqg1cw7\"]}",
                    "{\"Filters\":[{\"Name\":\"image-type\",\"Values\":[\"PUBLIC_IMAGE\"]}],\"Offset\":0,\"Limit\":10}",
                    "{\"InstanceType\":\"S5.MEDIUM4\",\"Limit\":2}")),
            Map.entry("RunInstances", c -> List.of(
                    "{\"Placement\":{\"Zone\":\"" + c.zone() + "\"},\"ImageId\":\"img-pmqg1cw7\","
                            + "\"InstanceChargeType\":\"POSTPAID_BY_HOUR\",\"InstanceType\":\"S5.SMALL1\",\"InstanceCount\":1}",
                    "{\"Placement\":{\"Zone\":\"" + c.zone() + "\",\"ProjectId\":0},\"ImageId\":\"img-pmqg1cw7\","
                            + "\"InstanceType\":\"S5.MEDIUM4\",\"InstanceName\":\"fuzz\",\"InstanceCount\":2,"
                            + "\"SystemDisk\":{\"DiskType\":\"CLOUD_PREMIUM\",\"DiskSize\":50},"
                            + "\"DataDisks\":[{\"DiskType\":\"CLOUD_SSD\",\"DiskSize\":100}],"
                            + "\"InternetAccessible\":{\"InternetMaxBandwidthOut\":1,\"PublicIpAssigned\":true},"
                            + "\"EnhancedService\":{\"SecurityService\":{\"Enabled\":true},"
                            + "\"MonitorService\":{\"Enabled\":false},\"AutomationService\":{\"Enabled\":true}},"
                            + "\"UserData\":\"ZWNobyBoaQ==\",\"LoginSettings\":{\"KeepImageLogin\":\"FALSE\"},"
                            + "\"TagSpecification\":[{\"ResourceType\":\"instance\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}],"
                            + "\"ClientToken\":\"fuzz-" + c.random().nextInt(1_000_000) + "\"}",
                    "{\"Placement\":{\"Zone\":\"" + c.zone() + "\"},\"ImageId\":\"img-pmqg1cw7\","
                            + "\"InstanceChargeType\":\"PREPAID\",\"InstanceChargePrepaid\":{\"Period\":1,"
                            + "\"RenewFlag\":\"NOTIFY_AND_MANUAL_RENEW\"},\"DisableApiTermination\":false}",
                    "{\"Placement\":{\"Zone\":\"" + c.zone() + "\"},\"ImageId\":\"img-pmqg1cw7\",\"DryRun\":true,"
                            + "\"UserData\":\"ZWNobyBoaQ==\",\"HostName\":\"fuzz-host\","
                            + "\"LoginSettings\":{\"Password\":\"Pa55word!\"},\"SecurityGroupIds\":[\"sg-12345678\"]}")),
            Map.entry("DescribeInstances", c -> List.of("{}",
                    "{\"InstanceIds\":[\"" + c.ids() + "\"]}",
                    "{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"" + c.zone() + "\"]}],\"Offset\":0,\"Limit\":20}",
                    "{\"Filters\":[{\"Name\":\"instance-name\",\"Values\":[\"fuzz\"]},"
                            + "{\"Name\":\"instance-state\",\"Values\":[\"RUNNING\",\"STOPPED\"]}]}",
                    "{\"Filters\":[{\"Name\":\"instance-id\",\"Values\":[\"" + c.id() + "\"]},"
                            + "{\"Name\":\"instance-charge-type\",\"Values\":[\"POSTPAID_BY_HOUR\"]}],\"Limit\":1}")),
            Map.entry("DescribeInstancesStatus", c -> List.of("{}",
                    "{\"InstanceIds\":[\"" + c.ids() + "\"]}", "{\"Offset\":1,\"Limit\":5}")),
            Map.entry("StartInstances", c -> List.of("{\"InstanceIds\":[\"" + c.ids() + "\"]}")),
            Map.entry("StopInstances", c -> List.of("{\"InstanceIds\":[\"" + c.ids() + "\"]}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"StopType\":\"SOFT\",\"StoppedMode\":\"KEEP_CHARGING\"}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"ForceStop\":true,\"StoppedMode\":\"STOP_CHARGING\"}")),
            Map.entry("RebootInstances", c -> List.of("{\"InstanceIds\":[\"" + c.ids() + "\"]}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"StopType\":\"SOFT_FIRST\"}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"ForceReboot\":false}")),
            Map.entry("ModifyInstancesAttribute", c -> List.of(
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"UserData\":\"ZWNobyBoaQ==\"}",
                    "{\"InstanceIds\":[\"" + c.ids() + "\"],\"InstanceName\":\"fuzz-renamed\"}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"DisableApiTermination\":false}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"HostName\":\"fuzz-host\"}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"SecurityGroups\":[\"sg-12345678\"]}",
                    "{\"InstanceIds\":[\"" + c.id() + "\"],\"CamRoleName\":\"role\"}")),
            Map.entry("TerminateInstances", c -> List.of("{\"InstanceIds\":[\"" + c.id() + "\"]}",
                    "{\"InstanceIds\":[\"" + c.ids() + "\"],\"ReleaseAddress\":true,\"ReleasePrepaidDataDisks\":false}")),
            Map.entry("DescribeVpcs", c -> List.of("{}",
                    "{\"Filters\":[{\"Name\":\"is-default\",\"Values\":[\"true\"]}],\"Offset\":0,\"Limit\":10}")),
            Map.entry("DescribeSubnets", c -> List.of("{}",
                    "{\"Filters\":[{\"Name\":\"zone\",\"Values\":[\"" + c.zone() + "\"]}]}",
                    "{\"Offset\":\"1\",\"Limit\":\"2\"}")),
            Map.entry("DescribeSecurityGroups", c -> List.of("{}",
                    "{\"Filters\":[{\"Name\":\"security-group-name\",\"Values\":[\"default\"]}]}")),
            Map.entry("DescribeDisks", c -> List.of("{}",
                    "{\"Filters\":[{\"Name\":\"instance-id\",\"Values\":[\"" + c.id() + "\"]}],\"Limit\":5}",
                    "{\"DiskIds\":[\"" + c.disk() + "\"]}",
                    "{\"Filters\":[{\"Name\":\"disk-usage\",\"Values\":[\"DATA_DISK\"]}],\"Order\":\"ASC\","
                            + "\"OrderField\":\"CREATE_TIME\"}")),
            Map.entry("DescribeSnapshots", c -> List.of("{}", "{\"Offset\":0,\"Limit\":10}")),
            Map.entry("AttachDisks", c -> List.of(
                    "{\"DiskIds\":[\"" + c.disk() + "\"],\"InstanceId\":\"" + c.id() + "\"}")),
            Map.entry("DetachDisks", c -> List.of("{\"DiskIds\":[\"" + c.disk() + "\"]}")),
            Map.entry("TerminateDisks", c -> List.of("{\"DiskIds\":[\"" + c.disk() + "\"]}")),
            Map.entry("AllocateAddresses", c -> List.of("{}",
                    "{\"AddressCount\":1,\"AddressType\":\"HighQualityEIP\",\"AddressName\":\"fuzz\","
                            + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}")),
            Map.entry("DescribeAddresses", c -> List.of("{}", "{\"AddressIds\":[\"" + c.address() + "\"]}",
                    "{\"Filters\":[{\"Name\":\"address-status\",\"Values\":[\"UNBIND\",\"BIND\"]}],\"Limit\":5}")),
            Map.entry("AssociateAddress", c -> List.of(
                    "{\"AddressId\":\"" + c.address() + "\",\"InstanceId\":\"" + c.id() + "\"}")),
            Map.entry("DisassociateAddress", c -> List.of("{\"AddressId\":\"" + c.address() + "\"}")),
            Map.entry("ReleaseAddresses", c -> List.of("{\"AddressIds\":[\"" + c.address() + "\"]}")),
            Map.entry("ModifyAddressAttribute", c -> List.of(
                    "{\"AddressId\":\"" + c.address() + "\",\"AddressName\":\"fuzz-renamed\"}")),
            Map.entry("DescribeTaskResult", c -> List.of("{\"TaskId\":1}")),
            Map.entry("DescribeUsedIpAddress", c -> List.of("{\"VpcId\":\"" + c.vpcId() + "\"}",
                    "{\"VpcId\":\"" + c.vpcId() + "\",\"IpAddresses\":[\"172.16.48.2\"],\"Limit\":5}")),
            Map.entry("DescribeBandwidthPackages", c -> List.of("{}", "{\"Offset\":0,\"Limit\":10}")),
            // The tag product: resource names with an empty uin segment, which means the caller's.
            Map.entry("tag:TagResources", c -> List.of("{\"ResourceList\":[\"" + c.name("cvm", "instance", c.id())
                    + "\",\"" + c.name("cvm", "volume", c.disk()) + "\"],\"Tags\":[{\"TagKey\":\"env\",\"TagValue\":\"fuzz\"}]}",
                    "{\"ResourceList\":[\"" + c.name("vpc", "eip", c.address()) + "\"],"
                            + "\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"a b\"}]}")),
            Map.entry("tag:ModifyResourceTags", c -> List.of("{\"Resource\":\"" + c.name("cvm", "instance", c.id())
                    + "\",\"ReplaceTags\":[{\"TagKey\":\"env\",\"TagValue\":\"prod\"}],\"DeleteTags\":[{\"TagKey\":\"team\"}]}")),
            Map.entry("tag:UnTagResources", c -> List.of("{\"ResourceList\":[\"" + c.name("cvm", "instance", c.id())
                    + "\"],\"TagKeys\":[\"env\"]}")),
            Map.entry("tag:DescribeResourceTagsByResourceIds", c -> List.of("{\"ServiceType\":\"cvm\","
                    + "\"ResourcePrefix\":\"instance\",\"ResourceRegion\":\"" + c.region() + "\",\"ResourceIds\":[\""
                    + c.ids() + "\"],\"Offset\":0,\"Limit\":20}")),
            Map.entry("tag:DescribeResourceTags", c -> List.of("{}", "{\"ServiceType\":\"cvm\",\"ResourcePrefix\":"
                    + "\"instance\",\"ResourceRegion\":\"" + c.region() + "\",\"ResourceId\":\"" + c.id() + "\"}")),
            Map.entry("tag:DescribeTags", c -> List.of("{}", "{\"TagKey\":\"env\",\"TagValue\":\"fuzz\"}",
                    "{\"TagKeys\":[\"env\",\"team\"],\"Offset\":0,\"Limit\":100}")),
            Map.entry("tag:DescribeResourcesByTags", c -> List.of("{\"TagFilters\":[{\"TagKey\":\"env\"}]}",
                    "{\"TagFilters\":[{\"TagKey\":\"env\",\"TagValue\":[\"fuzz\"]}],\"ServiceType\":\"cvm\","
                            + "\"ResourcePrefix\":\"instance\",\"Limit\":15}")),
            // The cam product: what they name mostly does not exist (a not-found refusal reaches the action); the
            // creating seeds draw fresh names.
            Map.entry("cam:AddUser", c -> List.of("{\"Name\":\"fuzz-" + c.random().nextInt(1_000_000)
                    + "\",\"Remark\":\"fuzz\",\"ConsoleLogin\":0,\"UseApi\":1}",
                    "{\"Name\":\"fuzz-" + c.random().nextInt(1_000_000) + "\",\"ConsoleLogin\":1,"
                            + "\"Password\":\"Fuzz-pass1\",\"Email\":\"f@example.com\"}")),
            Map.entry("cam:GetUser", c -> List.of("{\"Name\":\"fuzz-user\"}")),
            Map.entry("cam:ListUsers", c -> List.of("{}")),
            Map.entry("cam:DeleteUser", c -> List.of("{\"Name\":\"fuzz-user\",\"Force\":1}")),
            Map.entry("cam:CreateAccessKey", c -> List.of("{\"TargetUin\":" + CAM_UIN + "}")),
            Map.entry("cam:ListAccessKeys", c -> List.of("{}", "{\"TargetUin\":" + CAM_UIN + "}")),
            Map.entry("cam:UpdateAccessKey", c -> List.of(
                    "{\"AccessKeyId\":\"AKIDfuzz0000\",\"Status\":\"Inactive\",\"TargetUin\":" + CAM_UIN + "}")),
            Map.entry("cam:DeleteAccessKey", c -> List.of("{\"AccessKeyId\":\"AKIDfuzz0000\",\"TargetUin\":"
                    + CAM_UIN + "}")),
            Map.entry("cam:CreateGroup", c -> List.of("{\"GroupName\":\"fuzz-" + c.random().nextInt(1_000_000)
                    + "\",\"Remark\":\"fuzz\"}")),
            Map.entry("cam:GetGroup", c -> List.of("{\"GroupId\":" + CAM_GROUP + "}")),
            Map.entry("cam:ListGroups", c -> List.of("{}", "{\"Page\":1,\"Rp\":20,\"Keyword\":\"fuzz\"}")),
            Map.entry("cam:AddUserToGroup", c -> List.of(CAM_PAIR)),
            Map.entry("cam:RemoveUserFromGroup", c -> List.of(CAM_PAIR)),
            Map.entry("cam:ListGroupsForUser", c -> List.of("{\"SubUin\":" + CAM_UIN + ",\"Page\":1,\"Rp\":20}")),
            Map.entry("cam:ListUsersForGroup", c -> List.of("{\"GroupId\":" + CAM_GROUP + "}")),
            Map.entry("cam:AttachGroupPolicy", c -> List.of("{\"PolicyId\":1001,\"AttachGroupId\":" + CAM_GROUP + "}")),
            Map.entry("cam:DetachGroupPolicy", c -> List.of("{\"PolicyId\":1001,\"DetachGroupId\":" + CAM_GROUP + "}")),
            Map.entry("cam:ListAttachedGroupPolicies", c -> List.of("{\"TargetGroupId\":" + CAM_GROUP + "}")),
            Map.entry("cam:CreatePolicy", c -> List.of("{\"PolicyName\":\"fuzz-" + c.random().nextInt(1_000_000)
                    + "\",\"PolicyDocument\":" + CAM_DOCUMENT + ",\"Description\":\"fuzz\"}")),
            Map.entry("cam:GetPolicy", c -> List.of("{\"PolicyId\":1001}")),
            Map.entry("cam:ListPolicies", c -> List.of("{}",
                    "{\"Rp\":10,\"Page\":1,\"Scope\":\"QCS\",\"Keyword\":\"CVM\"}")),
            Map.entry("cam:UpdatePolicy", c -> List.of("{\"PolicyName\":\"fuzz-policy\",\"Description\":\"fuzz\","
                    + "\"PolicyDocument\":" + CAM_DOCUMENT + "}")),
            Map.entry("cam:DeletePolicy", c -> List.of("{\"PolicyId\":[100000000]}")),
            Map.entry("cam:AttachUserPolicy", c -> List.of("{\"PolicyId\":1001,\"AttachUin\":" + CAM_UIN + "}")),
            Map.entry("cam:DetachUserPolicy", c -> List.of("{\"PolicyId\":1001,\"DetachUin\":" + CAM_UIN + "}")),
            Map.entry("cam:ListAttachedUserPolicies", c -> List.of("{\"TargetUin\":" + CAM_UIN
                    + ",\"Page\":1,\"Rp\":20}")),
            Map.entry("cam:CreateRole", c -> List.of("{\"RoleName\":\"fuzz-" + c.random().nextInt(1_000_000)
                    + "\",\"PolicyDocument\":" + CAM_TRUST + ",\"SessionDuration\":3600}")),
            Map.entry("cam:GetRole", c -> List.of("{\"RoleName\":\"fuzz-role\"}")),
            Map.entry("cam:DeleteRole", c -> List.of("{\"RoleName\":\"fuzz-role\"}")),
            Map.entry("cam:AttachRolePolicy", c -> List.of(
                    "{\"PolicyName\":\"QcloudCVMFullAccess\",\"AttachRoleName\":\"fuzz-role\"}")),
            Map.entry("cam:DetachRolePolicy", c -> List.of(
                    "{\"PolicyName\":\"QcloudCVMFullAccess\",\"DetachRoleName\":\"fuzz-role\"}")),
            Map.entry("cam:ListAttachedRolePolicies", c -> List.of(
                    "{\"RoleName\":\"fuzz-role\",\"Page\":1,\"Rp\":20,\"PolicyType\":\"QCS\"}")));

    private Seeds() {
    }

    /** Whether the table has seeds for this action. */
    public static boolean covers(String action) {
        return TABLE.containsKey(action);
    }

    /** One of the action's seeds, picked at random, as a fresh tree. */
    public static ObjectNode pick(String action, Context context) {
        List<String> seeds = all(action, context);
        return parse(seeds.get(context.random().nextInt(seeds.size())));
    }

    /** Every seed of the action, as JSON text. */
    public static List<String> all(String action, Context context) {
        Function<Context, List<String>> f = TABLE.get(action);
        if (f == null) {
            throw new IllegalArgumentException("add a seed for " + action + " to the fuzz harness ("
                    + Seeds.class.getName() + ")");
        }
        return f.apply(context);
    }

    static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a seed is not JSON: " + json, e);
        }
    }
}
