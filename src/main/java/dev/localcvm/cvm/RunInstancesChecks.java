package dev.localcvm.cvm;

import dev.localcvm.api.params.Checks;
import dev.localcvm.api.params.IdFormat;
import dev.localcvm.error.ApiException;
import dev.localcvm.error.ErrorCode;
import dev.localcvm.tag.TagRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RunInstances' field rules beyond the ones that decide the launch (zone, image, type, count, charge): the
 * enumerations, id formats, lengths and ranges of the CVM documentation, so that nothing stored can surprise a
 * later read. Numbers and choices the documentation leaves open are in the README's behaviour notes.
 */
public final class RunInstancesChecks {
    static final Set<String> SYSTEM_DISK_TYPES = Set.of("LOCAL_BASIC", "LOCAL_SSD", "CLOUD_BASIC", "CLOUD_SSD",
            "CLOUD_PREMIUM", "CLOUD_BSSD", "CLOUD_HSSD", "CLOUD_TSSD");
    static final Set<String> DATA_DISK_TYPES = Set.of("LOCAL_BASIC", "LOCAL_SSD", "LOCAL_NVME", "LOCAL_PRO",
            "CLOUD_BASIC", "CLOUD_PREMIUM", "CLOUD_SSD", "CLOUD_HSSD", "CLOUD_TSSD", "CLOUD_BSSD");
    static final Set<String> INTERNET_CHARGE_TYPES = Set.of("BANDWIDTH_PREPAID", "TRAFFIC_POSTPAID_BY_HOUR",
            "BANDWIDTH_POSTPAID_BY_HOUR", "BANDWIDTH_PACKAGE");
    private static final Set<String> LINES = Set.of("BGP", "CMCC", "CTCC", "CUCC");
    private static final Set<String> IPV4_TYPES = Set.of("WanIP", "HighQualityEIP", "AntiDDoSEIP");
    private static final Set<String> IPV6_TYPES = Set.of("EIPv6", "HighQualityEIPv6");
    private static final Set<String> TAG_RESOURCE_TYPES = Set.of("instance", "host", "image", "keypair", "ps", "hpc");
    private static final Set<String> KEEP_IMAGE_LOGIN = Set.of("TRUE", "FALSE");
    public static final int MAX_TAGS = TagRules.MAX_TAGS_PER_RESOURCE;
    private static final String PASSWORD_SYMBOLS = "()`~!@#$%^&*-+=|{}[]:;',.?/";

    private static final Pattern VPC_ID = IdFormat.VPC.pattern();
    private static final Pattern SUBNET_ID = IdFormat.SUBNET.pattern();
    private static final Pattern SNAPSHOT_ID = IdFormat.SNAPSHOT.pattern();
    private static final Pattern KEY_ID = IdFormat.KEY_PAIR.pattern();
    private static final Pattern HOST_ID = IdFormat.HOST.pattern();
    private static final Pattern BANDWIDTH_PACKAGE_ID = IdFormat.BANDWIDTH_PACKAGE.pattern();
    private static final Pattern PLACEMENT_GROUP_ID = IdFormat.PLACEMENT_GROUP.pattern();
    /** "DEFAULT" in both VpcId and SubnetId asks for the account's default network. */
    static final String DEFAULT_NETWORK = "DEFAULT";

    private RunInstancesChecks() {
    }

    static void check(RunInstancesRequest r, boolean windows) {
        InstanceFields.instanceName(r.instanceName(), 128);
        InstanceFields.hostName(r.hostName(), windows);
        InstanceFields.camRoleName(r.camRoleName());
        InstanceFields.securityGroups("SecurityGroupIds", r.securityGroupIds());
        InstanceFields.userData(r.userData());
        placement(r.placement());
        disks(r.systemDisk(), r.dataDisks());
        network(r.virtualPrivateCloud(), r.internetAccessible());
        login(r.loginSettings(), windows);
        tags(r.tagSpecification());
        Checks.ids(r.disasterRecoverGroupIds(), PLACEMENT_GROUP_ID,
                ErrorCode.INVALID_PARAMETER_VALUE_DISASTER_RECOVER_GROUP_ID_MALFORMED);
        Checks.count("DisasterRecoverGroupIds", r.disasterRecoverGroupIds(), 1);
        Checks.range("MinCount", r.minCount(), 1, r.instanceCount() == null ? 1 : r.instanceCount());
        for (String[] field : new String[][] {{"HpcClusterId", r.hpcClusterId()},
                {"DedicatedClusterId", r.dedicatedClusterId()}}) {
            Checks.text(field[0], field[1], 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        }
        if (r.chcIds() != null) {
            r.chcIds().forEach(id -> Checks.text("ChcIds", id, 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG));
        }
    }

    private static void placement(RunInstancesRequest.Placement p) {
        Checks.range("Placement.ProjectId", p.projectId(), 0, Integer.MAX_VALUE);
        Checks.id(p.hostId(), HOST_ID, ErrorCode.INVALID_HOST_ID_MALFORMED);
        Checks.ids(p.hostIds(), HOST_ID, ErrorCode.INVALID_HOST_ID_MALFORMED);
    }

    private static void disks(RunInstancesRequest.SystemDisk system, List<RunInstancesRequest.DataDisk> data) {
        if (system != null) {
            Checks.oneOf("SystemDisk.DiskType", system.diskType(), SYSTEM_DISK_TYPES);
            Checks.range("SystemDisk.DiskSize", system.diskSize(), 20, 2048);
            Checks.text("SystemDisk.DiskName", system.diskName(), 128, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
            Checks.text("SystemDisk.DiskId", system.diskId(), 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
            Checks.text("SystemDisk.CdcId", system.cdcId(), 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        }
        if (data == null) {
            return;
        }
        for (int i = 0; i < data.size(); i++) {
            RunInstancesRequest.DataDisk d = data.get(i);
            String at = "DataDisks." + i + ".";
            Checks.oneOf(at + "DiskType", d.diskType(), DATA_DISK_TYPES);
            Checks.range(at + "DiskSize", d.diskSize(), 10, 32000);
            Checks.id(d.snapshotId(), SNAPSHOT_ID, ErrorCode.INVALID_PARAMETER_VALUE_SNAPSHOT_ID_MALFORMED);
            Checks.range(at + "ThroughputPerformance", d.throughputPerformance(), 0, 1000);
            Checks.text(at + "DiskName", d.diskName(), 128, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
            Checks.text(at + "DiskId", d.diskId(), 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
            Checks.text(at + "KmsKeyId", d.kmsKeyId(), 128, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
            Checks.text(at + "CdcId", d.cdcId(), 64, ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        }
    }

    private static void network(RunInstancesRequest.VirtualPrivateCloud vpc, RunInstancesRequest.InternetAccessible net) {
        if (vpc != null) {
            if (vpc.vpcId() == null) {
                throw ApiException.missingParameter("VirtualPrivateCloud.VpcId");
            }
            if (vpc.subnetId() == null) {
                throw ApiException.missingParameter("VirtualPrivateCloud.SubnetId");
            }
            boolean defaults = vpc.vpcId().equals(DEFAULT_NETWORK) && vpc.subnetId().equals(DEFAULT_NETWORK);
            if (!defaults) {
                Checks.id(vpc.vpcId(), VPC_ID, ErrorCode.INVALID_PARAMETER_VALUE_VPC_ID_MALFORMED);
                Checks.id(vpc.subnetId(), SUBNET_ID, ErrorCode.INVALID_PARAMETER_VALUE_SUBNET_ID_MALFORMED);
            }
            Checks.ids(vpc.privateIpAddresses(), Checks.IPV4, ErrorCode.INVALID_PARAMETER_VALUE_IP_ADDRESS_MALFORMED);
            Checks.range("VirtualPrivateCloud.Ipv6AddressCount", vpc.ipv6AddressCount(), 0, 1);
        }
        if (net != null) {
            Checks.oneOf("InternetAccessible.InternetChargeType", net.internetChargeType(), INTERNET_CHARGE_TYPES);
            Checks.range("InternetAccessible.InternetMaxBandwidthOut", net.internetMaxBandwidthOut(), 0, 65535);
            Checks.id(net.bandwidthPackageId(), BANDWIDTH_PACKAGE_ID,
                    ErrorCode.INVALID_PARAMETER_VALUE_BANDWIDTH_PACKAGE_ID_MALFORMED);
            Checks.oneOf("InternetAccessible.InternetServiceProvider", net.internetServiceProvider(), LINES);
            Checks.oneOf("InternetAccessible.IPv4AddressType", net.ipv4AddressType(), IPV4_TYPES);
            Checks.oneOf("InternetAccessible.IPv6AddressType", net.ipv6AddressType(), IPV6_TYPES);
            Checks.text("InternetAccessible.AntiDDoSPackageId", net.antiDdosPackageId(), 64,
                    ErrorCode.INVALID_PARAMETER_VALUE_TOO_LONG);
        }
    }

    private static void login(RunInstancesRequest.LoginSettings login, boolean windows) {
        if (login == null) {
            return;
        }
        Checks.oneOf("LoginSettings.KeepImageLogin", login.keepImageLogin(), KEEP_IMAGE_LOGIN);
        Checks.ids(login.keyIds(), KEY_ID, ErrorCode.INVALID_KEY_PAIR_ID_MALFORMED);
        Checks.count("LoginSettings.KeyIds", login.keyIds(), 1);
        boolean keepImage = "TRUE".equals(login.keepImageLogin());
        if (keepImage && (login.keyIds() != null || login.password() != null)) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_PARAMETER_CONFLICT,
                    "`LoginSettings.KeepImageLogin` TRUE cannot be given with `KeyIds` or `Password`.");
        }
        if (login.keyIds() != null && login.password() != null) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER_COMBINATION,
                    "`LoginSettings.KeyIds` and `LoginSettings.Password` cannot be given together.");
        }
        if (login.password() != null) {
            password(login.password(), windows);
        }
    }

    /** Linux 8-30 characters, Windows 12-30; at least three of lowercase, uppercase, digits and symbols. */
    private static void password(String password, boolean windows) {
        int min = windows ? 12 : 8;
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean other = false;
        for (char c : password.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (PASSWORD_SYMBOLS.indexOf(c) >= 0) {
                symbol = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (password.length() < min || password.length() > 30 || other || classes < 3) {
            throw new ApiException(ErrorCode.INVALID_PASSWORD, "`LoginSettings.Password` must be " + min
                    + "-30 characters with at least three of: lowercase letters, uppercase letters, digits and "
                    + PASSWORD_SYMBOLS + " (" + (windows ? "Windows" : "Linux") + " image).");
        }
    }

    private static void tags(List<RunInstancesRequest.TagSpecification> specs) {
        if (specs == null) {
            return;
        }
        for (int i = 0; i < specs.size(); i++) {
            RunInstancesRequest.TagSpecification spec = specs.get(i);
            String at = "TagSpecification." + i + ".";
            if (spec.resourceType() == null) {
                throw ApiException.missingParameter(at + "ResourceType");
            }
            Checks.oneOf(at + "ResourceType", spec.resourceType(), TAG_RESOURCE_TYPES);
            List<RunInstancesRequest.Tag> tags = spec.tags() == null ? List.of() : spec.tags();
            if (tags.size() > MAX_TAGS) {
                throw new ApiException(ErrorCode.INVALID_PARAMETER_VALUE_TAG_QUOTA);
            }
            Set<String> keys = new HashSet<>();
            for (int t = 0; t < tags.size(); t++) {
                RunInstancesRequest.Tag tag = tags.get(t);
                if (tag.key() == null) {
                    throw ApiException.missingParameter(at + "Tags." + t + ".Key");
                }
                tag(tag.key(), tag.value() == null ? "" : tag.value());
                if (!keys.add(tag.key())) {
                    throw ApiException.of(ErrorCode.INVALID_PARAMETER_VALUE_DUPLICATE_TAGS, Checks.quote(tag.key()));
                }
            }
        }
    }

    /**
     * The tag product's rules ({@link TagRules}) with the codes cvm answers them with. An empty value is allowed
     * here: instances take a key alone.
     */
    public static void tag(String key, String value) {
        TagRules.Problem k = TagRules.keyProblem(key);
        if (k == TagRules.Problem.RESERVED) {
            throw ApiException.of(ErrorCode.FAILED_OPERATION_TAG_KEY_RESERVED, Checks.quote(key));
        }
        if (k != null) {
            throw ApiException.of(ErrorCode.FAILED_OPERATION_ILLEGAL_TAG_KEY, Checks.quote(key));
        }
        TagRules.Problem v = TagRules.valueProblem(value);
        if (v != null && v != TagRules.Problem.EMPTY) {
            throw ApiException.of(ErrorCode.FAILED_OPERATION_ILLEGAL_TAG_VALUE, Checks.quote(value));
        }
    }
}
