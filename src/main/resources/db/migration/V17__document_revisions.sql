-- A number that changes with every write of an instance's document: each writer draws a new random one (never 0)
-- and sets it with the document in the same statement. A reader that decoded the document under this number
-- before knows that it is still the stored one without reading and comparing its bytes (about 1.7 KB, 100 times
-- a DescribeInstances page). Rows written before this version keep 0, which no writer draws.
ALTER TABLE instances ADD COLUMN doc_rev BIGINT DEFAULT 0 NOT NULL;
