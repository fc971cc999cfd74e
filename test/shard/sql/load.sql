-- Scale-out test: the data (run on the coordinator after coordinator.sql).
-- 4 committees x 50 goals x 10 metrics x 10 years = 20 000 outcome rows,
-- made once locally and then inserted through the partitioned table, which
-- routes each row to its shard (postgres_fdw batches the inserts).
INSERT INTO shard_test.outcome_local
SELECT * FROM shard_test.outcomes(4, 50, 10, 2007, 2016);
INSERT INTO shard_test.outcome SELECT * FROM shard_test.outcome_local;
ANALYZE shard_test.outcome_local;
ANALYZE shard_test.outcome_shard1;
ANALYZE shard_test.outcome_shard2;
ANALYZE shard_test.outcome;
