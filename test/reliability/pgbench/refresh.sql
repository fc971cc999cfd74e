-- The scheduled job refreshes one year's summary.
\set y random(2014, 2016)
SELECT goalmetrics.refresh_summary(:y);
