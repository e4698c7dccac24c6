package dev.localcvm.error;

/**
 * Every error code localcvm answers, with its default message. Messages follow the live service's
 * wording where one was captured (api3-protocol.md §9.2); they are not contractual.
 */
public enum ErrorCode {
    ACTION_OFFLINE("ActionOffline", "The API has been deprecated."),
    AUTH_INVALID_AUTHORIZATION("AuthFailure.InvalidAuthorization", "The Authorization header is invalid."),
    AUTH_INVALID_SECRET_ID("AuthFailure.InvalidSecretId", "The SecretId is not an API key."),
    AUTH_MFA_FAILURE("AuthFailure.MFAFailure", "MFA verification failed."),
    AUTH_SECRET_ID_NOT_FOUND("AuthFailure.SecretIdNotFound",
            "The SecretId is not found, please ensure that your SecretId is correct."),
    AUTH_SIGNATURE_EXPIRE("AuthFailure.SignatureExpire", "The signature is expired, please request again."),
    AUTH_SIGNATURE_FAILURE("AuthFailure.SignatureFailure",
            "The provided credentials could not be validated. Please check your signature is correct."),
    AUTH_TOKEN_FAILURE("AuthFailure.TokenFailure", "The token is invalid."),
    AUTH_UNAUTHORIZED_OPERATION("AuthFailure.UnauthorizedOperation", "The request is not authorized."),
    DRY_RUN_OPERATION("DryRunOperation", "The request would have succeeded, but DryRun was set."),
    FAILED_OPERATION("FailedOperation", "The operation failed."),
    INTERNAL_ERROR("InternalError", "An internal error occurred."),
    INVALID_ACTION("InvalidAction", "The request `Action` is invalid or not found."),
    INVALID_PARAMETER("InvalidParameter", "A parameter is invalid."),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", "Incorrect parameter value."),
    INVALID_REQUEST("InvalidRequest", "The multipart request body is not supported."),
    IP_IN_BLACKLIST("IpInBlacklist", "The caller's IP address is in the blacklist."),
    IP_NOT_IN_WHITELIST("IpNotInWhitelist", "The caller's IP address is not in the whitelist."),
    LIMIT_EXCEEDED("LimitExceeded", "A quota was exceeded."),
    MISSING_PARAMETER("MissingParameter", "The request is missing a required parameter."),
    NO_SUCH_PRODUCT("NoSuchProduct", "The product does not exist."),
    NO_SUCH_VERSION("NoSuchVersion", "The API version does not exist."),
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", "The request frequency exceeds the limit."),
    REQUEST_SIZE_LIMIT_EXCEEDED("RequestSizeLimitExceeded", "The request size exceeds the limit."),
    RESPONSE_SIZE_LIMIT_EXCEEDED("ResponseSizeLimitExceeded", "The response size exceeds the limit."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", "The service is temporarily unavailable."),
    UNAUTHORIZED_OPERATION("UnauthorizedOperation", "The request is not authorized."),
    UNKNOWN_PARAMETER("UnknownParameter", "The parameter is not recognized."),
    UNSUPPORTED_OPERATION("UnsupportedOperation", "Unsupported operation."),
    UNSUPPORTED_PROTOCOL("UnsupportedProtocol", "Only GET and POST requests are supported."),
    UNSUPPORTED_REGION("UnsupportedRegion", "The region is not supported by this API."),

    // CVM: TerminateInstances (the seed's list, cvm-terminate.md §2) and the other lifecycle actions.
    FAILED_OPERATION_APPLICATION_ROLE("FailedOperation.InvalidInstanceApplicationRole",
            "The applicationRole instance does not support the operation."),
    FAILED_OPERATION_APPLICATION_ROLE_EMR("FailedOperation.InvalidInstanceApplicationRoleEmr",
            "The EMR instance %s does not support this operation."),
    FAILED_OPERATION_UNRETURNABLE("FailedOperation.Unreturnable", "The instance %s is unreturnable."),
    INTERNAL_ERROR_TRADE_UNKNOWN("InternalError.TradeUnknownError", "Internal error."),
    INTERNAL_SERVER_ERROR("InternalServerError", "Internal error."),
    INVALID_ACCOUNT_UNPAID_ORDER("InvalidAccount.UnpaidOrder", "The account has unpaid orders."),
    INVALID_INSTANCE_NOT_SUPPORTED("InvalidInstance.NotSupported", "The instance %s is not supported."),
    INVALID_INSTANCE_ID_MALFORMED("InvalidInstanceId.Malformed",
            "Invalid instance ID `%s`. The specified instance ID has an invalid format."),
    INVALID_INSTANCE_ID_NOT_FOUND("InvalidInstanceId.NotFound", "The instance `%s` is not found."),
    INVALID_INSTANCE_NOT_SUPPORTED_PREPAID("InvalidInstanceNotSupportedPrepaidInstance",
            "The instance %s does not meet the Return Policy for prepaid instances."),
    INVALID_PARAMETER_VALUE_INSTANCE_ID_MALFORMED("InvalidParameterValue.InstanceIdMalformed",
            "Invalid instance ID `%s`. Please enter a valid ID, such as ins-xxxxxxxx (x is a lower-case letter or a number)."),
    INVALID_PARAMETER_VALUE_APP_ID("InvalidParameterValue.InvalidAppIdFormat", "Invalid AppID."),
    INVALID_PARAMETER_VALUE_LIMIT_EXCEEDED("InvalidParameterValue.LimitExceeded",
            "The number of parameter values exceeds the limit."),
    INVALID_PARAMETER_VALUE_NOT_SUPPORTED("InvalidParameterValue.NotSupported", "Unsupported operation."),
    INVALID_PARAMETER_VALUE_RANGE("InvalidParameterValue.Range", "The parameter value is out of range."),
    INVALID_PARAMETER_VALUE_TIME_FORMAT("InvalidParameterValue.InvalidTimeFormat", "The time format is invalid."),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", "The parameters cannot be given together."),
    LIMIT_EXCEEDED_USER_RETURN_QUOTA("LimitExceeded.UserReturnQuota",
            "Failed to return instances because of the quota limit."),
    LIMIT_EXCEEDED_INSTANCE_QUOTA("LimitExceeded.InstanceQuota", "The instance quota of the account is exceeded."),
    MUTEX_OPERATION_TASK_RUNNING("MutexOperation.TaskRunning", "An identical job is running."),
    OPERATION_DENIED_IN_PROGRESS("OperationDenied.InstanceOperationInProgress",
            "The instance %s has an operation in progress. Please try again later."),
    UNAUTHORIZED_INVALID_TOKEN("UnauthorizedOperation.InvalidToken", "Check if the token is valid."),
    UNAUTHORIZED_MFA_EXPIRED("UnauthorizedOperation.MFAExpired",
            "Unauthorized operation. Make sure Multi-Factor Authentication (MFA) is valid."),
    UNAUTHORIZED_MFA_NOT_FOUND("UnauthorizedOperation.MFANotFound",
            "Unauthorized operation. Make sure Multi-Factor Authentication (MFA) exists."),
    UNSUPPORTED_CHARGE_TYPE("UnsupportedOperation.InstanceChargeType",
            "The billing mode of instance %s does not support the operation."),
    UNSUPPORTED_MIXED_PRICING("UnsupportedOperation.InstanceMixedPricingModel", "A mixed payment mode is not supported."),
    UNSUPPORTED_INSTANCES_PROTECTED("UnsupportedOperation.InstancesProtected",
            "The instance %s is under termination protection and cannot be terminated. "
                    + "Disable the termination protection and try again."),
    UNSUPPORTED_INVALID_INSTANCES_OWNER("UnsupportedOperation.InvalidInstancesOwner",
            "The user does not have permissions to operate the instance %s."),
    UNSUPPORTED_RED_HAT_TERMINATE("UnsupportedOperation.RedHatInstanceTerminateUnsupported",
            "The instance %s with an enterprise operating system installed cannot be returned."),
    UNSUPPORTED_RED_HAT("UnsupportedOperation.RedHatInstanceUnsupported",
            "The operating system of the instance is RedHat, so this operation is not supported."),
    UNSUPPORTED_OPERATION_REGION("UnsupportedOperation.Region", "The region is unsupported."),
    UNSUPPORTED_SPECIAL_INSTANCE_TYPE("UnsupportedOperation.SpecialInstanceType",
            "The special instance type of %s does not support the operation."),
    UNSUPPORTED_USER_LIMIT_QUOTA("UnsupportedOperation.UserLimitOperationExceedQuota",
            "The quota of user limit operations is insufficient."),
    UNSUPPORTED_STOPPED_MODE_STOP_CHARGING("UnsupportedOperation.StoppedModeStopCharging",
            "The instance %s does not support stopping with STOP_CHARGING."),
    // UnsupportedOperation.InstanceState<X>: the state (or condition) that refuses an action (§5.3).
    STATE_PENDING("UnsupportedOperation.InstanceStatePending", "The instances are being created, and this operation is not supported."),
    STATE_LAUNCH_FAILED("UnsupportedOperation.InstanceStateLaunchFailed", "The instance is failed to create, so the operation is not supported."),
    STATE_RUNNING("UnsupportedOperation.InstanceStateRunning", "The instance is running, and this operation is not supported."),
    STATE_STOPPED("UnsupportedOperation.InstanceStateStopped", "The instance is shut down, and this operation is not supported."),
    STATE_STARTING("UnsupportedOperation.InstanceStateStarting", "The instance is starting up, and this operation is not supported."),
    STATE_STOPPING("UnsupportedOperation.InstanceStateStopping", "The instance is being shut down, and this operation is not supported."),
    STATE_REBOOTING("UnsupportedOperation.InstanceStateRebooting", "The instances are being restarted, and this operation is not supported."),
    STATE_SHUTDOWN("UnsupportedOperation.InstanceStateShutdown", "The instance is in the recycle bin, and this operation is not supported."),
    STATE_ISOLATING("UnsupportedOperation.InstanceStateIsolating", "Unable to isolate: the instance is isolated."),
    STATE_TERMINATING("UnsupportedOperation.InstanceStateTerminating", "The instance is being terminated, and the operation is not supported."),
    STATE_TERMINATED("UnsupportedOperation.InstanceStateTerminated", "Terminated instances are not supported."),
    STATE_ENTER_RESCUE_MODE("UnsupportedOperation.InstanceStateEnterRescueMode", "Instances are entering the rescue mode, and this operation is not supported."),
    STATE_RESCUE_MODE("UnsupportedOperation.InstanceStateRescueMode", "The instance is in rescue mode, and this operation is not supported."),
    STATE_EXIT_RESCUE_MODE("UnsupportedOperation.InstanceStateExitRescueMode", "Instances are exiting from the rescue mode, and this operation is not supported."),
    STATE_ENTER_SERVICE_LIVE_MIGRATE("UnsupportedOperation.InstanceStateEnterServiceLiveMigrate", "The instance %s in the ENTER_SERVICE_LIVE_MIGRATE status is not supported."),
    STATE_SERVICE_LIVE_MIGRATE("UnsupportedOperation.InstanceStateServiceLiveMigrate", "The instance %s in the SERVICE_LIVE_MIGRATE status is not supported."),
    STATE_EXIT_SERVICE_LIVE_MIGRATE("UnsupportedOperation.InstanceStateExitServiceLiveMigrate", "The instance %s in the EXIT_SERVICE_LIVE_MIGRATE status is not supported."),
    STATE_FREEZING("UnsupportedOperation.InstanceStateFreezing", "The operation is not supported for the frozen instances."),
    STATE_BANNING("UnsupportedOperation.InstanceStateBanning", "This CVM is blocked. Please submit a ticket."),
    // Field validation of RunInstances and ModifyInstancesAttribute (codes of the cvm product's error list).
    INVALID_PARAMETER_VALUE_VPC_ID_MALFORMED("InvalidParameterValue.VpcIdMalformed",
            "The VPC ID `%s` is malformed; it looks like vpc-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_PARAMETER_VALUE_SUBNET_ID_MALFORMED("InvalidParameterValue.SubnetIdMalformed",
            "The subnet ID `%s` is malformed; it looks like subnet-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_PARAMETER_VALUE_SNAPSHOT_ID_MALFORMED("InvalidParameterValue.SnapshotIdMalformed",
            "The snapshot ID `%s` is malformed; it looks like snap-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_PARAMETER_VALUE_BANDWIDTH_PACKAGE_ID_MALFORMED("InvalidParameterValue.BandwidthPackageIdMalformed",
            "The bandwidth package ID `%s` is malformed; it looks like bwp-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_PARAMETER_VALUE_DISASTER_RECOVER_GROUP_ID_MALFORMED("InvalidParameterValue.DisasterRecoverGroupIdMalformed",
            "The placement group ID `%s` is malformed; it looks like ps-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_PARAMETER_VALUE_IP_ADDRESS_MALFORMED("InvalidParameterValue.IPAddressMalformed",
            "The IP address `%s` is malformed."),
    INVALID_PARAMETER_VALUE_CAM_ROLE_NAME_MALFORMED("InvalidParameterValue.CamRoleNameMalformed",
            "The CamRoleName may hold only letters, digits and +=,.@_- (at most 128 characters)."),
    INVALID_PARAMETER_VALUE_ILLEGAL_HOST_NAME("InvalidParameterValue.IllegalHostName", "The HostName is illegal."),
    INVALID_PARAMETER_VALUE_USER_DATA_FORMAT("InvalidParameterValue.InvalidUserDataFormat",
            "The UserData must be base64-encoded."),
    INVALID_PARAMETER_VALUE_DUPLICATE_TAGS("InvalidParameterValue.DuplicateTags", "The tag key `%s` is given twice."),
    INVALID_PARAMETER_VALUE_TAG_QUOTA("InvalidParameterValue.TagQuotaLimitExceeded",
            "A resource may have at most 50 tags."),
    INVALID_PARAMETER_VALUE_TOO_LONG("InvalidParameterValue.TooLong", "The parameter value is too long."),
    INVALID_PARAMETER_PARAMETER_CONFLICT("InvalidParameter.ParameterConflict",
            "Key pairs and keeping the image's login settings cannot be given together."),
    INVALID_PASSWORD("InvalidPassword", "The password does not meet the complexity requirements."),
    INVALID_SG_ID_MALFORMED("InvalidSgId.Malformed",
            "The security group ID `%s` is malformed; it looks like sg-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_KEY_PAIR_ID_MALFORMED("InvalidKeyPairId.Malformed",
            "The key pair ID `%s` is malformed; it looks like skey-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_HOST_ID_MALFORMED("InvalidHostId.Malformed",
            "The CDH ID `%s` is malformed; it looks like host-xxxxxxxx, x a lowercase letter or digit."),
    LIMIT_EXCEEDED_ASSOCIATE_USG("LimitExceeded.AssociateUSGLimitExceeded",
            "An instance may be associated with at most 5 security groups."),
    FAILED_OPERATION_ILLEGAL_TAG_KEY("FailedOperation.IllegalTagKey", "The tag key `%s` has illegal characters."),
    FAILED_OPERATION_ILLEGAL_TAG_VALUE("FailedOperation.IllegalTagValue", "The tag value `%s` has illegal characters."),
    FAILED_OPERATION_TAG_KEY_RESERVED("FailedOperation.TagKeyReserved", "The tag key `%s` is reserved by the system."),
    // vpc (2017-03-12)
    INVALID_PARAMETER_COEXIST("InvalidParameter.Coexist", "The parameters cannot be given together."),
    INVALID_PARAMETER_FILTER_INVALID_KEY("InvalidParameter.FilterInvalidKey", "The filter key is invalid."),
    INVALID_PARAMETER_VALUE_MALFORMED("InvalidParameterValue.Malformed", "The parameter value is malformed."),
    RESOURCE_NOT_FOUND("ResourceNotFound", "The resource does not exist."),
    // cbs (2017-03-12)
    INVALID_DISK_ID_NOT_FOUND("InvalidDiskId.NotFound", "The disk `%s` does not exist."),
    INVALID_DISK_ATTACHED("InvalidDisk.Attached", "The disk `%s` is attached."),
    RESOURCE_BUSY("ResourceBusy", "The resource `%s` is busy; try again later."),
    RESOURCE_UNAVAILABLE_ATTACHED("ResourceUnavailable.Attached", "The disk `%s` is already attached."),
    RESOURCE_UNAVAILABLE_TYPE_ERROR("ResourceUnavailable.TypeError",
            "The disk `%s` is a system disk, which cannot be attached or detached."),
    RESOURCE_UNAVAILABLE_NOT_PORTABLE("ResourceUnavailable.NotPortable",
            "The disk `%s` is not elastic: it lives and dies with its instance."),
    UNSUPPORTED_OPERATION_STATE_ERROR("UnsupportedOperation.StateError",
            "The state of `%s` does not allow this operation."),
    ZONE_NOT_MATCH("ZoneNotMatch", "The disk `%s` and the instance are not in the same zone."),
    LIMIT_EXCEEDED_INSTANCE_ATTACHED_DISK("LimitExceeded.InstanceAttachedDisk",
            "The instance `%s` may have at most 20 data disks attached."),
    // vpc elastic IPs (codes of the vpc product's error list and the actions' documented codes)
    ADDRESS_QUOTA_LIMIT_EXCEEDED("AddressQuotaLimitExceeded",
            "The EIP quota of the account in this region (%s) is exceeded."),
    INVALID_ADDRESS_ID_NOT_FOUND("InvalidAddressId.NotFound", "The EIP `%s` does not exist."),
    INVALID_ADDRESS_ID_STATUS_NOT_PERMIT("InvalidAddressIdStatus.NotPermit",
            "The EIP %s does not allow the operation in its current status."),
    INVALID_ADDRESS_STATE("InvalidAddressState",
            "The EIP %s cannot be released in its current status; only an EIP in UNBIND status can."),
    INVALID_INSTANCE_ID_ALREADY_BIND_EIP("InvalidInstanceId.AlreadyBindEip",
            "The instance %s is already bound to an EIP; unbind it first."),
    INVALID_PARAMETER_VALUE_ADDRESS_ID_MALFORMED("InvalidParameterValue.AddressIdMalformed",
            "The EIP ID `%s` is malformed; it looks like eip-xxxxxxxx, x a lowercase letter or digit."),
    INVALID_PARAMETER_VALUE_INVALID_INSTANCE_STATE("InvalidParameterValue.InvalidInstanceState",
            "The instance %s is neither RUNNING nor STOPPED."),
    INVALID_PARAMETER_VALUE_MISSING_ASSOCIATE_ENTITY("InvalidParameterValue.MissingAssociateEntity",
            "The `InstanceId` to bind the EIP to is missing."),
    INVALID_PARAMETER_VALUE_BANDWIDTH_OUT_OF_RANGE("InvalidParameterValue.BandwidthOutOfRange",
            "The bandwidth is out of range."),
    UNSUPPORTED_MUTEX_OPERATION_TASK_RUNNING("UnsupportedOperation.MutexOperationTaskRunning",
            "Another operation on the resource is running; try again later."),
    INVALID_FILTER("InvalidFilter", "The filter `%s` is not supported."),
    INVALID_FILTER_VALUE_LIMIT_EXCEEDED("InvalidFilterValue.LimitExceeded", "A filter may have at most 5 values."),
    INVALID_ZONE_MISMATCH_REGION("InvalidZone.MismatchRegion", "The zone `%s` is not in the region."),
    INVALID_PARAMETER_VALUE_ZONE_NOT_SUPPORTED("InvalidParameterValue.ZoneNotSupported",
            "The zone `%s` is not supported."),
    INVALID_IMAGE_ID_MALFORMED("InvalidImageId.Malformed", "The image ID `%s` is malformed."),
    INVALID_IMAGE_ID_NOT_FOUND("InvalidImageId.NotFound", "The image `%s` is not found."),
    INVALID_PERIOD("InvalidPeriod", "The period is invalid."),
    INVALID_INSTANCE_TYPE_MALFORMED("InvalidInstanceType.Malformed", "The instance type `%s` is malformed."),
    INVALID_CLIENT_TOKEN_TOO_LONG("InvalidClientToken.TooLong", "The ClientToken may be at most 64 characters."),
    INVALID_INSTANCE_NAME_TOO_LONG("InvalidInstanceName.TooLong", "The instance name is too long."),
    // The tag product (2018-08-13).
    TAG_KEY_EMPTY("InvalidParameterValue.TagKeyEmpty", "A tag key must not be empty."),
    TAG_KEY_LENGTH_EXCEEDED("InvalidParameterValue.TagKeyLengthExceeded",
            "The tag key `%s` is longer than 127 characters."),
    TAG_KEY_CHARACTER_ILLEGAL("InvalidParameterValue.TagKeyCharacterIllegal",
            "The tag key `%s` has characters a tag key cannot have."),
    TAG_KEY_RESERVED("InvalidParameter.ReservedTagKey",
            "The tag key `%s` is reserved: keys starting with qcs:, qcloud, tencent or project cannot be created."),
    TAG_KEY_DUPLICATE("InvalidParameterValue.TagKeyDuplicate", "The tag key `%s` is given more than once."),
    TAG_VALUE_EMPTY("InvalidParameterValue.TagValueEmpty", "The value of the tag key `%s` must not be empty."),
    TAG_VALUE_LENGTH_EXCEEDED("InvalidParameterValue.TagValueLengthExceeded",
            "The tag value `%s` is longer than 255 characters."),
    TAG_VALUE_CHARACTER_ILLEGAL("InvalidParameterValue.TagValueCharacterIllegal",
            "The tag value `%s` has characters a tag value cannot have."),
    TAG_RESOURCE_DESCRIPTION_ERROR("InvalidParameterValue.ResourceDescriptionError",
            "The resource `%s` is not a six-segment name qcs::<service>:<region>:uin/<uin>:<prefix>/<id>."),
    TAG_UNSUPPORTED_SERVICE("InvalidParameter.UnsupportedService", "The resource `%s` is of a kind that has no tags here."),
    TAG_UIN_INVALID("InvalidParameterValue.UinInvalid", "The resource `%s` belongs to another account."),
    TAG_RESOURCE_ID_INVALID("InvalidParameterValue.ResourceIdInvalid", "The resource `%s` does not exist."),
    TAG_REGION_INVALID("InvalidParameterValue.RegionInvalid", "The region `%s` does not exist."),
    TAG_SERVICE_TYPE_INVALID("InvalidParameterValue.ServiceTypeInvalid", "The service type `%s` is invalid."),
    TAG_RESOURCE_PREFIX_INVALID("InvalidParameterValue.ResourcePrefixInvalid", "The resource prefix `%s` is invalid."),
    TAG_OFFSET_INVALID("InvalidParameterValue.OffsetInvalid", "`Offset` must be a multiple of `Limit`."),
    TAG_RESOURCE_NUM_PER_REQUEST("LimitExceeded.ResourceNumPerRequest",
            "At most %s resources may be given in one request."),
    TAG_NUM_PER_REQUEST("LimitExceeded.TagNumPerRequest", "At most %s tags may be given in one request."),
    TAG_RESOURCE_ATTACHED_TAGS("LimitExceeded.ResourceAttachedTags", "The resource `%s` would have more than 50 tags."),
    TAG_DELETE_TAGS_PARAM_ERROR("InvalidParameterValue.DeleteTagsParamError",
            "The tag key `%s` is both in `ReplaceTags` and in `DeleteTags`."),
    TAG_FILTERS("InvalidParameterValue.TagFilters", "`TagFilters` is invalid."),
    TAG_FILTERS_LENGTH_EXCEEDED("InvalidParameterValue.TagFiltersLengthExceeded",
            "The tag filter `%s` has more than 6 values."),
    // ---- cam policy documents (issue 16) ----
    // ---- end of cam policy documents ----

    // ---- cam product (issue 16) ----
    CAM_PARAM_ERROR("InvalidParameter.ParamError", "A parameter is invalid."),
    CAM_USER_NAME_ILLEGAL("InvalidParameter.UserNameIllegal", "The user name `%s` is illegal."),
    CAM_SUB_USER_NAME_IN_USE("InvalidParameter.SubUserNameInUse", "The sub-user name `%s` is already in use."),
    CAM_SUB_USER_FULL("InvalidParameter.SubUserFull", "The account already has the most sub-users it may have."),
    CAM_PASSWORD_VIOLATED_RULES("InvalidParameter.PasswordViolatedRules",
            "The password does not meet the password rules."),
    CAM_USER_NOT_EXIST("ResourceNotFound.UserNotExist", "The user `%s` does not exist."),
    CAM_TARGET_USER_NOT_EXIST("InvalidParameter.UserNotExist", "The user `%s` does not exist."),
    CAM_ACCESS_KEY_OVER_LIMIT("OperationDenied.AccessKeyOverLimit", "A user may have at most two access keys."),
    CAM_SUB_UIN("OperationDenied.SubUin", "A sub-user may not operate on the root account's keys."),
    CAM_UIN_NOT_MATCH("OperationDenied.UinNotMatch", "The access key `%s` does not belong to the user."),
    CAM_HAVE_KEYS("OperationDenied.HaveKeys", "The user `%s` still has API keys."),
    CAM_SECRET_NOT_EXIST("ResourceNotFound.SecretNotExist", "The access key `%s` does not exist."),
    CAM_GROUP_NAME_IN_USE("InvalidParameter.GroupNameInUse", "The group name `%s` is already in use."),
    CAM_GROUP_FULL("InvalidParameter.GroupFull", "The account already has the most user groups it may have."),
    CAM_GROUP_NOT_EXIST_PARAM("InvalidParameter.GroupNotExist", "The user group `%s` does not exist."),
    CAM_GROUP_NOT_EXIST("ResourceNotFound.GroupNotExist", "The user group `%s` does not exist."),
    CAM_GROUP_USER_FULL("InvalidParameter.GroupUserFull", "The user group `%s` already has the most members it may have."),
    CAM_USER_GROUP_FULL("InvalidParameter.UserGroupFull", "The user `%s` is already in the most groups it may join."),
    CAM_UIN_AND_UID_NULL("InvalidParameter.UserUinAndUinNotAllNull", "Uin and Uid cannot both be empty."),
    CAM_POLICY_FULL("FailedOperation.PolicyFull", "The account already has the most custom policies it may have."),
    CAM_POLICY_NAME_IN_USE("FailedOperation.PolicyNameInUse", "The policy name `%s` is already in use."),
    CAM_POLICY_NAME_ERROR("InvalidParameter.PolicyNameError", "The policy name `%s` is invalid."),
    CAM_DESCRIPTION_TOO_LONG("InvalidParameter.DescriptionLengthOverlimit",
            "`Description` may be at most 300 bytes."),
    CAM_POLICY_DOCUMENT_TOO_LONG("InvalidParameter.PolicyDocumentLengthOverLimit",
            "`PolicyDocument` may be at most 6144 characters."),
    CAM_POLICY_ID_ERROR("InvalidParameter.PolicyIdError", "The policy id `%s` is invalid."),
    CAM_POLICY_ID_NOT_EXIST("InvalidParameter.PolicyIdNotExist", "The policy `%s` does not exist."),
    CAM_POLICY_ID_NOT_FOUND("ResourceNotFound.PolicyIdNotFound", "The policy `%s` does not exist."),
    CAM_ATTACHMENT_FULL("InvalidParameter.AttachmentFull",
            "The principal already has the most policies attached that it may have."),
    CAM_ROLE_NAME_ERROR("InvalidParameter.RoleNameError", "The role name `%s` is invalid."),
    CAM_ROLE_NAME_IN_USE("InvalidParameter.RoleNameInUse", "The role name `%s` is already in use."),
    CAM_ROLE_NOT_EXIST("InvalidParameter.RoleNotExist", "The role `%s` does not exist."),
    CAM_ROLE_FULL("InvalidParameter.RoleFull", "The account already has the most roles it may have."),
    CAM_SCOPE_ERROR("InvalidParameter.ScopeError", "`Scope` `%s` is not one of All, QCS, Local."),
    CAM_KEYWORD_LENGTH_ERROR("InvalidParameter.SearchKeywordLengthError", "`Keyword` is too long."),
    // ---- end of cam product ----

    // ---- sts and authorization (issue 16) ----
    // ---- end of sts and authorization ----

    RESOURCE_INSUFFICIENT_ZONE_SOLD_OUT("ResourceInsufficient.AvailabilityZoneSoldOut",
            "The availability zone `%s` is sold out.");

    private final String code;
    private final String defaultMessage;

    ErrorCode(String code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public String code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The default message with its {@code %s} filled in (the instance or value it is about). */
    public String message(Object subject) {
        if (!defaultMessage.contains("%s")) {
            // The failing instance is named even where the documented wording has no place for it (§3).
            return subject == null ? defaultMessage : defaultMessage + " (`" + subject + "`)";
        }
        return subject == null ? defaultMessage.replace(" `%s`", "").replace(" %s", "")
                : String.format(defaultMessage, subject);
    }

    /** The enum constant for a wire code, or null; used by fault injection and tests. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }
}
