-- Cloud disks of the cbs product: those created with instances and kept after them. A disk attached to a live
-- instance is also listed in that instance's document; both change in one transaction.
CREATE TABLE disks (
    disk_id              VARCHAR(16)  NOT NULL PRIMARY KEY,
    uin                  VARCHAR(32)  NOT NULL,
    region               VARCHAR(32)  NOT NULL,
    zone                 VARCHAR(32)  NOT NULL,
    instance_id          VARCHAR(16),
    disk_usage           VARCHAR(16)  NOT NULL,
    disk_state           VARCHAR(16)  NOT NULL,
    charge_type          VARCHAR(32)  NOT NULL,
    disk_type            VARCHAR(16)  NOT NULL,
    disk_size            BIGINT       NOT NULL,
    delete_with_instance BOOLEAN      NOT NULL,
    encrypt              BOOLEAN      NOT NULL,
    throughput           BIGINT,
    disk_name            VARCHAR(512) NOT NULL,
    created_at           BIGINT       NOT NULL,
    deadline_at          BIGINT,
    pending_state        VARCHAR(16),
    due_at               BIGINT,
    version              BIGINT       NOT NULL
);

CREATE INDEX disks_by_owner ON disks (uin, region, created_at);
CREATE INDEX disks_by_instance ON disks (instance_id);
