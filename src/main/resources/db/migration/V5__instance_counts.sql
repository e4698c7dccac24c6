-- Live instances per account, region and zone, kept in the same transactions that create and destroy
-- instances: the quota check and DescribeInstances' TotalCount read a handful of rows instead of
-- counting every instance of the account.
CREATE TABLE instance_counts (
    uin    VARCHAR(32) NOT NULL,
    region VARCHAR(32) NOT NULL,
    zone   VARCHAR(40) NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (uin, region, zone)
);

INSERT INTO instance_counts (uin, region, zone, n)
SELECT uin, region, zone, COUNT(*) FROM instances GROUP BY uin, region, zone;
