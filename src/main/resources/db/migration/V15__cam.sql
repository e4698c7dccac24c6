-- CAM (issue 16): sub-users, user groups and their members, custom policies, roles, and which policies are attached
-- to which user, group or role. Everything belongs to an account (owner_uin); names are unique per account. A
-- sub-user's API keys live in api_keys (principal_kind SUB_USER). Times are epoch milliseconds. Text limits are
-- checked in code points; the columns hold twice that many, as H2 counts a character outside the BMP twice.
CREATE TABLE cam_users (
    uin           VARCHAR(32)  NOT NULL PRIMARY KEY,
    owner_uin     VARCHAR(32)  NOT NULL,
    uid           BIGINT       NOT NULL UNIQUE,
    name          VARCHAR(64)  NOT NULL,
    remark        VARCHAR(600),
    console_login INT          NOT NULL,
    phone_num     VARCHAR(32),
    country_code  VARCHAR(8),
    email         VARCHAR(128),
    created_at    BIGINT       NOT NULL
);

CREATE UNIQUE INDEX cam_users_by_name ON cam_users (owner_uin, name);

CREATE TABLE cam_groups (
    group_id   BIGINT       NOT NULL PRIMARY KEY,
    owner_uin  VARCHAR(32)  NOT NULL,
    name       VARCHAR(128) NOT NULL,
    remark     VARCHAR(600),
    created_at BIGINT       NOT NULL
);

CREATE UNIQUE INDEX cam_groups_by_name ON cam_groups (owner_uin, name);

CREATE TABLE cam_group_members (
    group_id  BIGINT      NOT NULL,
    user_uin  VARCHAR(32) NOT NULL,
    owner_uin VARCHAR(32) NOT NULL,
    joined_at BIGINT      NOT NULL,
    PRIMARY KEY (group_id, user_uin)
);

CREATE INDEX cam_group_members_by_user ON cam_group_members (user_uin, group_id);

CREATE TABLE cam_policies (
    policy_id   BIGINT         NOT NULL PRIMARY KEY,
    owner_uin   VARCHAR(32)    NOT NULL,
    name        VARCHAR(128)   NOT NULL,
    description VARCHAR(300),
    document    VARCHAR(12288) NOT NULL,
    created_at  BIGINT         NOT NULL,
    updated_at  BIGINT         NOT NULL
);

CREATE UNIQUE INDEX cam_policies_by_name ON cam_policies (owner_uin, name);
CREATE INDEX cam_policies_by_owner ON cam_policies (owner_uin, policy_id);

-- target_kind USER (target_id the sub-user's uin), GROUP (the group id) or ROLE (the role id). policy_id is a custom
-- policy's or a preset's (below the first custom id, with no row in cam_policies).
CREATE TABLE cam_attachments (
    owner_uin   VARCHAR(32) NOT NULL,
    target_kind VARCHAR(8)  NOT NULL,
    target_id   VARCHAR(32) NOT NULL,
    policy_id   BIGINT      NOT NULL,
    attached_at BIGINT      NOT NULL,
    PRIMARY KEY (owner_uin, target_kind, target_id, policy_id)
);

CREATE INDEX cam_attachments_by_policy ON cam_attachments (owner_uin, policy_id);

CREATE TABLE cam_roles (
    role_id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    owner_uin        VARCHAR(32)   NOT NULL,
    name             VARCHAR(128)  NOT NULL,
    trust_policy     VARCHAR(12288) NOT NULL,
    description      VARCHAR(300),
    console_login    INT           NOT NULL,
    session_duration BIGINT        NOT NULL,
    created_at       BIGINT        NOT NULL,
    updated_at       BIGINT        NOT NULL
);

CREATE UNIQUE INDEX cam_roles_by_name ON cam_roles (owner_uin, name);
