-- Scale-out benchmark (bench/shard.sh): the one-shard layout on the
-- coordinator, after test/shard/sql/coordinator.sql.  Same partitions as
-- shard_test.outcome (committees 1, 3, 5, 7 and 2, 4, 6, 8), but both on
-- shard1, which holds the second partition's rows in shard_test.outcome_p2.
-- So the two layouts differ only in where the second partition lives.
CREATE SCHEMA bench;
CREATE TABLE bench.outcome_one (LIKE shard_test.outcome) PARTITION BY LIST (committee);
CREATE FOREIGN TABLE bench.outcome_one_p1
	PARTITION OF bench.outcome_one
	FOR VALUES IN ('Arbetsmarknadsnämnden', 'Kulturnämnden',
		'Stadsbyggnadsnämnden', 'Miljönämnden')
	SERVER shard1 OPTIONS (schema_name 'shard_test', table_name 'outcome');
CREATE FOREIGN TABLE bench.outcome_one_p2
	PARTITION OF bench.outcome_one
	FOR VALUES IN ('Socialnämnden', 'Skol- och fritidsnämnden',
		'Vård- och omsorgsnämnden', 'Fastighetsnämnden')
	SERVER shard1 OPTIONS (schema_name 'shard_test', table_name 'outcome_p2');
