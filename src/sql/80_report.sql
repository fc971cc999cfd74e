-- goalmetrics SQL API, chapter 8: the report people read.
--
-- format_outcome() (50_views.sql, where annual_report() uses it) writes an
-- outcome as the report does ("2 315", "72,3 %", "3 518 tkr").  report_html() is the annual report as one
-- self-contained web page (inline CSS and SVG, nothing fetched), in the
-- report's layout; report_csv() the same lines for a Swedish spreadsheet
-- (semicolons, decimal comma, UTF-8 with a byte order mark).  Both are built
-- on annual_report() (50_views.sql) and the status views.  Reference:
-- doc/report.md.
--
-- This file is ASCII like every chapter (00_extension.sql): the page's
-- fixed Swedish text is written with HTML character references
-- (M&aring;lv&auml;rde), other text beyond ASCII as UTF-8 bytes given to
-- convert_from().
\echo Use "CREATE EXTENSION goalmetrics" to load this file. \quit

-- ------------------------------------------------------------ small parts
-- Text for HTML: the five characters that can end text or an attribute
-- value become character references.  Every name in report_html() passes
-- through it.
CREATE FUNCTION html_escape(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
	$1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION html_escape(text) IS 'Text made safe inside HTML text and quoted attribute values: & < > " and '' as character references';

-- The words of a trend, beside trend_symbol()'s arrow.  Swedish:
-- F\u00f6rb\u00e4ttras, Of\u00f6r\u00e4ndrad, F\u00f6rs\u00e4mras.
CREATE FUNCTION trend_label(trend goalmetrics.trend_direction, lang text DEFAULT 'sv') RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF lower(lang) NOT IN ('sv', 'en') THEN
		RAISE EXCEPTION 'unknown language "%" for trend labels', lang
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use ''sv'' (Swedish, the default) or ''en'' (English).';
	END IF;
	RETURN CASE trend::text
		WHEN 'improving' THEN CASE WHEN lower(lang) = 'en' THEN 'Improving'
								   ELSE convert_from('\x46c3b67262c3a47474726173', 'UTF8') END
		WHEN 'stable' THEN CASE WHEN lower(lang) = 'en' THEN 'Stable'
								ELSE convert_from('\x4f66c3b672c3a46e64726164', 'UTF8') END
		WHEN 'worsening' THEN CASE WHEN lower(lang) = 'en' THEN 'Worsening'
								   ELSE convert_from('\x46c3b67273c3a46d726173', 'UTF8') END
	END;
END
$$;
COMMENT ON FUNCTION trend_label(goalmetrics.trend_direction, text) IS 'The words of a trend: improving, stable, worsening in Swedish (''sv'', default) or English (''en''); NULL for no trend';

-- ------------------------------------------------------- the report's rows
-- annual_report()'s lines with what a page needs beside them: the ids, both
-- perspective names, the target as a metric_target, the statuses as the
-- enum, and the roll-ups of each line's goal, perspective and committee
-- (goal_status, perspective_status, committee_status), in annual_report()'s
-- order (line).  Names are joined back to their rows: committee names are
-- unique, goal titles per committee, metric names per goal.  Support of
-- report_html() and report_csv().
CREATE FUNCTION report_rows(year integer, committee text DEFAULT NULL)
RETURNS TABLE (line bigint, committee_id integer, committee_name text,
			   perspective_id integer, perspective_sv text, perspective_en text,
			   goal_id integer, goal text, analysis text,
			   metric_id integer, metric text,
			   outcome_prev2 numeric, outcome_prev1 numeric, outcome numeric,
			   target goalmetrics.metric_target, status goalmetrics.status_band, trend goalmetrics.trend_direction,
			   goal_fulfilment numeric, goal_status goalmetrics.status_band,
			   goal_metrics integer, goal_fulfilled integer,
			   perspective_fulfilment numeric, perspective_status goalmetrics.status_band,
			   committee_fulfilment numeric, committee_status goalmetrics.status_band,
			   committee_goals integer,
			   goal_assessed_status goalmetrics.status_band, goal_computed_status goalmetrics.status_band,
			   outcome_note text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT r.ordinality, c.committee_id, c.name, p.perspective_id, p.name_sv, p.name_en,
		   g.goal_id, g.title, r.goal_analysis,
		   m.metric_id, m.name, r.outcome_prev2, r.outcome_prev1, r.outcome, t.target,
		   r.status::goalmetrics.status_band, r.trend::goalmetrics.trend_direction,
		   gs.fulfilment, gs.status::goalmetrics.status_band, gs.metrics, gs.fulfilled,
		   ps.fulfilment, ps.status::goalmetrics.status_band,
		   cs.fulfilment, cs.status::goalmetrics.status_band, cs.goals,
		   r.goal_assessed_status::goalmetrics.status_band, gs.computed_status::goalmetrics.status_band,
		   r.outcome_note
	  FROM goalmetrics.annual_report(report_rows.year, report_rows.committee) WITH ORDINALITY r
	  JOIN goalmetrics.committee c ON c.name = r.committee
	  JOIN goalmetrics.goal g ON g.committee_id = c.committee_id AND g.title = r.goal
	  JOIN goalmetrics.perspective p ON p.perspective_id = g.perspective_id
	  JOIN goalmetrics.metric m ON m.goal_id = g.goal_id AND m.name = r.metric
	  LEFT JOIN goalmetrics.target t ON t.metric_id = m.metric_id AND t.year = report_rows.year
	  LEFT JOIN goalmetrics.goal_status gs ON gs.goal_id = g.goal_id AND gs.year = report_rows.year
	  LEFT JOIN goalmetrics.perspective_status ps
			 ON ps.committee_id = c.committee_id AND ps.perspective_id = p.perspective_id
			AND ps.year = report_rows.year
	  LEFT JOIN goalmetrics.committee_status cs
			 ON cs.committee_id = c.committee_id AND cs.year = report_rows.year
	 ORDER BY r.ordinality;
END
$$;
COMMENT ON FUNCTION report_rows(integer, text) IS 'Support of report_html() and report_csv(): annual_report() lines with ids, the target, statuses, the goal, perspective and committee roll-ups, the goal''s analysis and assessed and computed status, the outcome''s note';

-- The committee a report is asked for, by name in any case, as stored;
-- NULL for NULL (all committees).  A name the caller cannot see, or that
-- does not exist, is an error, not an empty report.
CREATE FUNCTION report_committee(committee text) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	found	text;
BEGIN
	IF committee IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT c.name INTO found FROM goalmetrics.committee c
	 WHERE lower(c.name) = lower(report_committee.committee) ORDER BY c.name LIMIT 1;
	IF found IS NULL THEN
		RAISE EXCEPTION 'no committee named "%"', committee
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'SELECT name FROM goalmetrics.committee lists the committees you may see; NULL reports them all.';
	END IF;
	RETURN found;
END
$$;
COMMENT ON FUNCTION report_committee(text) IS 'Support of report_html() and report_csv(): the committee of that name as stored (NULL for all), or an error when the caller sees none';

-- A status as the page shows it: the symbol on its colour, with the label
-- as its text alternative (status_label, under the year's thresholds,
-- rules_for()); '' for none.
CREATE FUNCTION report_symbol(status goalmetrics.status_band, lang text, partly_above numeric, fulfilled_at numeric)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	label	text := goalmetrics.html_escape(goalmetrics.status_label(status, lang, partly_above, fulfilled_at));
BEGIN
	IF status IS NULL THEN
		RETURN '';
	END IF;
	RETURN format('<span class="st st-%s" role="img" aria-label="%s" title="%s">%s</span>',
				  goalmetrics.html_escape(status::text), label, label,
				  goalmetrics.html_escape(goalmetrics.status_symbol(status)));
END
$$;
COMMENT ON FUNCTION report_symbol(goalmetrics.status_band, text, numeric, numeric) IS 'Support of report_html(): a status as HTML, its symbol on its colour with its label as the text alternative';

-- A small chart of a metric's outcomes (year - 2 .. year) against the
-- target: a line through the outcomes, the target dashed (a range as a
-- band), the last outcome in its status colour.  NULL with fewer than two
-- outcomes.  Coordinates are exact numerics rounded to 0.1 of a pixel.
CREATE FUNCTION report_chart(outcome_prev2 numeric, outcome_prev1 numeric, outcome numeric,
							 target goalmetrics.metric_target, colour text, label text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	vals	numeric[] := ARRAY[outcome_prev2, outcome_prev1, outcome];
	tv		numeric := goalmetrics.target_value(target);
	tu		numeric := goalmetrics.target_upper(target);
	n		integer;
	lo		numeric;
	hi		numeric;
	k		integer;
	x		integer;
	y		numeric;
	points	text := '';
	dots	text := '';
	goal	text := '';
BEGIN
	SELECT count(v), least(min(v), tv, tu), greatest(max(v), tv, tu)
	  INTO n, lo, hi FROM unnest(vals) v;
	IF n < 2 THEN
		RETURN NULL;
	END IF;
	IF hi = lo THEN
		lo := lo - 1;
		hi := hi + 1;
	END IF;
	-- y runs from 30 (lo) up to 6 (hi) in a 120 x 36 box
	IF tu IS NOT NULL THEN
		goal := format('<rect class="target-band" x="4" y="%s" width="112" height="%s" fill="#E0E0E0"/>',
					   round(30 - (tu - lo) * 24 / (hi - lo), 1),
					   round((tu - tv) * 24 / (hi - lo), 1));
	END IF;
	IF tv IS NOT NULL THEN
		y := round(30 - (tv - lo) * 24 / (hi - lo), 1);
		goal := goal || format('<line class="target" x1="4" x2="116" y1="%s" y2="%s" stroke="#546E7A" stroke-width="1" stroke-dasharray="3 2"/>', y, y);
	END IF;
	FOR k IN 1..3 LOOP
		CONTINUE WHEN vals[k] IS NULL;
		x := 12 + (k - 1) * 48;
		y := round(30 - (vals[k] - lo) * 24 / (hi - lo), 1);
		points := points || CASE WHEN points = '' THEN '' ELSE ' ' END || x || ',' || y;
		dots := dots || format('<circle cx="%s" cy="%s" r="%s" fill="%s"/>', x, y,
							   CASE WHEN k = 3 THEN '3.5' ELSE '2.5' END,
							   CASE WHEN k = 3 AND colour IS NOT NULL THEN goalmetrics.html_escape(colour)
									ELSE '#37474F' END);
	END LOOP;
	RETURN format('<svg class="chart" viewBox="0 0 120 36" width="120" height="36" role="img" aria-label="%s" focusable="false"><title>%s</title>%s<polyline points="%s" fill="none" stroke="#37474F" stroke-width="1.5"/>%s</svg>',
				  goalmetrics.html_escape(label), goalmetrics.html_escape(label), goal, points, dots);
END
$$;
COMMENT ON FUNCTION report_chart(numeric, numeric, numeric, goalmetrics.metric_target, text, text) IS 'Support of report_html(): an inline SVG chart of three years'' outcomes against the target; NULL with fewer than two outcomes';

-- ------------------------------------------------------------ report_html
-- The annual report as one HTML page: the legend, then per committee its
-- roll-up and per perspective, in order, a table of its goals (status
-- symbol, roll-up, the analysis as a disclosure when there is one) and
-- their metrics (three years' outcomes, the target as written, status,
-- trend, a chart).  Nothing is fetched: the CSS and the charts are inline,
-- there is no script, and every name passes through html_escape().  The
-- text is in the database encoding, declared UTF-8: write it to a file with
-- client_encoding UTF8 (doc/report.md).
CREATE FUNCTION report_html(year integer, committee text DEFAULT NULL, lang text DEFAULT 'sv')
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	en			boolean;
	num_style	text;
	y			integer := report_html.year;
	-- the page's words
	w_title		text;
	w_intro		text;
	w_legend	text;
	w_persp		text;
	w_col_name	text;
	w_col_out	text;
	w_col_target text;
	w_col_trend	text;
	w_col_chart	text;
	w_of		text;
	w_met		text;
	w_overall	text;
	w_goals		text;
	w_analysis	text;
	w_assessed	text;
	w_computed	text;
	w_none		text;
	w_chart		text;
	w_made		text;
	css			text;
	legend		text;
	body		text;
	heading		text;
	ru			record;
BEGIN
	IF lang IS NULL OR lower(lang) NOT IN ('sv', 'en') THEN
		RAISE EXCEPTION 'unknown language "%" for the report', lang
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use ''sv'' (Swedish, the default) or ''en'' (English).';
	END IF;
	en := lower(lang) = 'en';
	lang := lower(lang);
	heading := goalmetrics.report_committee(report_html.committee);
	-- the year's rules decide the labels (legend, text alternatives)
	SELECT * INTO ru FROM goalmetrics.rules_for(y);
	num_style := CASE WHEN en THEN 'english' ELSE 'swedish' END;
	IF en THEN
		w_title := 'Goal fulfilment';
		w_intro := 'The combined result of the metrics linked to a goal shows whether the goal has been reached. '
				   'The tables show the outcomes of the last three years and the target for %s.';
		w_legend := 'Legend';
		w_persp := ' &ndash; the committee&#39;s goals and metrics';
		w_col_name := 'Goals and metrics';
		w_col_out := 'Outcome';
		w_col_target := 'Target';
		w_col_trend := 'Trend';
		w_col_chart := 'Development';
		w_of := 'of';
		w_met := 'metrics met';
		w_overall := 'Overall goal fulfilment';
		w_goals := 'goals';
		w_analysis := 'Analysis';
		w_assessed := 'The committee&#39;s assessment';
		w_computed := 'computed';
		w_none := 'No goals with a target or an outcome for %s.';
		w_chart := 'Outcomes';
		w_made := 'Made with goalmetrics';
	ELSE
		w_title := 'M&aring;luppfyllelse';
		w_intro := 'Det samlade resultatet av de m&auml;tetal som finns kopplade till ett m&aring;l visar om vi har n&aring;tt m&aring;let eller inte. '
				   'Tabellerna visar utfallen de senaste tre &aring;ren och m&aring;lv&auml;rdet f&ouml;r %s.';
		w_legend := 'Teckenf&ouml;rklaring';
		w_persp := ' &ndash; n&auml;mndens m&aring;l och m&auml;tetal';
		w_col_name := 'M&aring;l och m&auml;tetal';
		w_col_out := 'Utfall';
		w_col_target := 'M&aring;lv&auml;rde';
		w_col_trend := 'Trend';
		w_col_chart := 'Utveckling';
		w_of := 'av';
		w_met := 'm&auml;tetal uppfyllda';
		w_overall := 'Samlad m&aring;luppfyllelse';
		w_goals := 'm&aring;l';
		w_analysis := 'Analys';
		w_assessed := 'N&auml;mndens bed&ouml;mning';
		w_computed := 'ber&auml;knat';
		w_none := 'Inga m&aring;l med m&aring;lv&auml;rde eller utfall f&ouml;r %s.';
		w_chart := 'Utfall';
		w_made := 'Framtagen med goalmetrics';
	END IF;

	-- the colours and symbols follow status_colour() and status_symbol();
	-- the glyph is black on a light colour, white on a dark one
	SELECT string_agg(format('.st-%s{background:%s;color:%s}', goalmetrics.html_escape(s::text), c,
							 CASE WHEN (('x' || substr(c, 2, 2))::bit(8)::integer * 299
										+ ('x' || substr(c, 4, 2))::bit(8)::integer * 587
										+ ('x' || substr(c, 6, 2))::bit(8)::integer * 114) / 1000 > 150
								  THEN '#000' ELSE '#fff' END), '' ORDER BY s),
		   string_agg(format('<li data-status="%s">%s<span class="legend-label">%s</span></li>',
							 goalmetrics.html_escape(s::text), goalmetrics.report_symbol(s, lang, ru.partly_above, ru.fulfilled_at),
							 goalmetrics.html_escape(goalmetrics.status_label(s, lang, ru.partly_above, ru.fulfilled_at))), '' ORDER BY s)
	  INTO css, legend
	  FROM unnest(enum_range(NULL::goalmetrics.status_band)) s,
		   LATERAL (SELECT goalmetrics.status_colour(s) AS c) col;

	css := ':root{color-scheme:light}'
		'*{box-sizing:border-box}'
		'body{margin:0;background:#fff;color:#1a1a1a;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif}'
		'main{max-width:1180px;margin:0 auto;padding:24px 20px 40px}'
		'h1,h2,h3,p,li,summary{overflow-wrap:anywhere}'
		'h1{font-size:1.8em;margin:0 0 .3em}'
		'h2{font-size:1.45em;margin:1.6em 0 .2em;padding-top:.4em;border-top:3px solid #1a1a1a}'
		'h3{font-size:1.1em;margin:1.4em 0 .5em;display:flex;flex-wrap:wrap;align-items:center;gap:.2em .5em}'
		'.intro{max-width:52em}'
		'.legend{display:flex;flex-wrap:wrap;gap:.5em 1.5em;list-style:none;margin:1em 0;padding:.6em .8em;background:#f5f5f5;border-radius:6px}'
		'.legend li{display:flex;align-items:center;gap:.4em}'
		'.st{display:inline-flex;align-items:center;justify-content:center;flex:none;width:1.4em;height:1.4em;border-radius:50%;font-size:.95em;line-height:1;font-weight:bold;vertical-align:middle}'
		'.table-wrap{overflow-x:auto}'
		'table{width:100%;border-collapse:collapse;font-size:.95em}'
		'thead th.num{width:6.5em}thead th.target{width:10em}thead th.status{width:4.5em}thead th.trend{width:4em}thead th.chart{width:140px}'
		'th,td{padding:.35em .5em;text-align:left;vertical-align:middle;border-bottom:1px solid #e0e0e0}'
		'thead th{font-size:.85em;font-weight:600;color:#444;border-bottom:2px solid #b0bec5;vertical-align:bottom}'
		'.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}'
		'td.target{white-space:nowrap}'
		'td.status,td.trend,th.status,th.trend{text-align:center}'
		'th.name{font-weight:normal;overflow-wrap:anywhere}'
		'.goal-row th{background:#eef3f6;font-weight:600;border-top:2px solid #cfd8dc;overflow-wrap:anywhere}'
		'.goal-head{display:flex;flex-wrap:wrap;align-items:center;gap:.2em .6em}'
		'.rollup{font-weight:normal;color:#444;font-size:.9em}'
		'.assessed{font-weight:normal;font-size:.9em}'
		'.committee-rollup{display:flex;flex-wrap:wrap;align-items:center;gap:.2em .5em;margin:.2em 0 1em}'
		'.trend-arrow{font-size:1.1em}'
		'.chart svg{display:block}'
		'details.analysis summary{cursor:pointer;font-weight:normal;color:#0b57d0}'
		'.analysis-text{white-space:pre-line;font-weight:normal;margin:.4em 0}'
		'footer{margin-top:2em;color:#666;font-size:.85em}'
		'@media screen and (max-width:760px){'
		'main{padding:16px 12px}'
		'table,thead,tbody,tr,th,td{display:block}'
		'thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}'
		'tr.metric{display:flex;flex-wrap:wrap;gap:.2em .6em;padding:.5em 0;border-bottom:1px solid #e0e0e0}'
		'tr.metric th,tr.metric td{border:0;padding:.1em 0;text-align:left}'
		'tr.metric th.name{flex:1 1 100%;font-weight:600}'
		'tr.metric td{flex:1 0 calc(33% - .6em);min-width:0}'
		'tr.metric td.num{min-width:max-content}'
		'tr.metric td::before{content:attr(data-label);display:block;font-size:.75em;color:#555}'
		'td.target{white-space:normal}'
		'tr.metric td.chart{flex-basis:100%}td.chart:empty{display:none}'
		'h3{display:block}h3 .st{margin-right:.3em}'
		'}'
		'@media print{'
		'body{font-size:10pt}'
		'main{max-width:none;padding:0}'
		'section.committee+section.committee{break-before:page}'
		'tr,h3{break-inside:avoid}'
		'h3{break-after:avoid}'
		'thead{display:table-header-group}'
		'*{-webkit-print-color-adjust:exact;print-color-adjust:exact}'
		'details::details-content{content-visibility:visible;display:block}'
		'.legend{background:none;border:1px solid #999}'
		'.table-wrap{overflow:visible}'
		'}' || css;

	WITH r AS (
		SELECT * FROM goalmetrics.report_rows(y, report_html.committee)
	), m AS (
		SELECT r.*,
			   '<tr class="metric" data-metric-id="' || r.metric_id || '" data-status="'
			   || coalesce(r.status::text, '') || '">'
			   || '<th scope="row" class="name">' || goalmetrics.html_escape(r.metric) || '</th>'
			   || format('<td class="num" data-label="%s %s">%s</td>', w_col_out, y - 2,
						 coalesce(goalmetrics.html_escape(goalmetrics.format_outcome(r.outcome_prev2, r.target, num_style)), '-'))
			   || format('<td class="num" data-label="%s %s">%s</td>', w_col_out, y - 1,
						 coalesce(goalmetrics.html_escape(goalmetrics.format_outcome(r.outcome_prev1, r.target, num_style)), '-'))
			   || format('<td class="num" data-label="%s %s">%s</td>', w_col_out, y,
						 coalesce(goalmetrics.html_escape(goalmetrics.format_outcome(r.outcome, r.target, num_style)), '-'))
			   || format('<td class="target" data-label="%s %s">%s</td>', w_col_target, y,
						 coalesce(goalmetrics.html_escape(goalmetrics.format_target(r.target, num_style)), '-'))
			   || format('<td class="status" data-label="Status">%s</td>', goalmetrics.report_symbol(r.status, lang, ru.partly_above, ru.fulfilled_at))
			   || format('<td class="trend" data-label="%s">%s</td>', w_col_trend,
						 CASE WHEN r.trend IS NOT NULL THEN
							 format('<span class="trend-arrow" data-trend="%s" role="img" aria-label="%s" title="%s">%s</span>',
									goalmetrics.html_escape(r.trend::text),
									goalmetrics.html_escape(goalmetrics.trend_label(r.trend, lang)),
									goalmetrics.html_escape(goalmetrics.trend_label(r.trend, lang)),
									goalmetrics.html_escape(goalmetrics.trend_symbol(r.trend)))
						 ELSE '' END)
			   || format('<td class="chart" data-label="%s %s&ndash;%s">%s</td>', w_col_chart, y - 2, y,
						 coalesce(goalmetrics.report_chart(
							 r.outcome_prev2, r.outcome_prev1, r.outcome, r.target,
							 goalmetrics.status_colour(r.status),
							 format('%s %s-%s: %s. %s: %s.',
									CASE WHEN en THEN 'Outcomes' ELSE 'Utfall' END, y - 2, y,
									concat_ws(', ', coalesce(goalmetrics.format_outcome(r.outcome_prev2, r.target, num_style), '-'),
											  coalesce(goalmetrics.format_outcome(r.outcome_prev1, r.target, num_style), '-'),
											  coalesce(goalmetrics.format_outcome(r.outcome, r.target, num_style), '-')),
									CASE WHEN en THEN 'Target' ELSE convert_from('\x4dc3a56c76c3a4726465', 'UTF8') END,
									coalesce(goalmetrics.format_target(r.target, num_style), '-'))), ''))
			   || '</tr>' AS html
		  FROM r
	), g AS (
		SELECT m.committee_id, m.perspective_id, min(m.line) AS line,
			   format('<tbody class="goal" data-goal-id="%s" data-status="%s">', m.goal_id, coalesce(m.goal_status::text, ''))
			   || '<tr class="goal-row"><th colspan="8" scope="rowgroup"><div class="goal-head">'
			   || goalmetrics.report_symbol(m.goal_status, lang, ru.partly_above, ru.fulfilled_at)
			   || '<span class="goal-title">' || goalmetrics.html_escape(m.goal) || '</span>'
			   || CASE WHEN m.goal_fulfilment IS NOT NULL THEN
					  '<span class="rollup">' || goalmetrics.format_outcome(trunc(m.goal_fulfilment, 1), NULL, num_style)
					  || '&nbsp;% &middot; ' || m.goal_fulfilled || ' ' || w_of || ' ' || m.goal_metrics || ' ' || w_met || '</span>'
				  ELSE '' END
			   -- the committee's assessed status (the symbol shows the status
			   -- that counts), and the computed one when they differ
			   || CASE WHEN m.goal_assessed_status IS NOT NULL THEN
					  format('<span class="assessed" data-assessed="%s" data-computed="%s">%s: %s%s</span>',
							 m.goal_assessed_status, coalesce(m.goal_computed_status::text, ''), w_assessed,
							 goalmetrics.html_escape(goalmetrics.status_label(m.goal_assessed_status, lang, ru.partly_above, ru.fulfilled_at)),
							 CASE WHEN m.goal_computed_status IS DISTINCT FROM m.goal_assessed_status
								  THEN ' (' || w_computed || ': '
									   || coalesce(goalmetrics.html_escape(goalmetrics.status_label(m.goal_computed_status, lang, ru.partly_above, ru.fulfilled_at)), '-')
									   || ')'
								  ELSE '' END)
				  ELSE '' END
			   || '</div>'
			   || CASE WHEN m.analysis IS NOT NULL THEN
					  '<details class="analysis"><summary>' || w_analysis || '</summary><div class="analysis-text">'
					  || goalmetrics.html_escape(m.analysis) || '</div></details>'
				  ELSE '' END
			   || '</th></tr>'
			   || string_agg(m.html, '' ORDER BY m.line)
			   || '</tbody>' AS html
		  FROM m
		 GROUP BY m.committee_id, m.perspective_id, m.goal_id, m.goal, m.analysis,
				  m.goal_assessed_status, m.goal_computed_status,
				  m.goal_status, m.goal_fulfilment, m.goal_fulfilled, m.goal_metrics
	), p AS (
		SELECT g.committee_id, min(g.line) AS line,
			   format('<section class="perspective" data-perspective-id="%s" data-status="%s"><h3>',
					  r1.perspective_id, coalesce(r1.perspective_status::text, ''))
			   || goalmetrics.report_symbol(r1.perspective_status, lang, ru.partly_above, ru.fulfilled_at)
			   || '<span>' || goalmetrics.html_escape(CASE WHEN en THEN r1.perspective_en ELSE r1.perspective_sv END)
			   || w_persp || '</span>'
			   || CASE WHEN r1.perspective_fulfilment IS NOT NULL THEN
					  '<span class="rollup">' || goalmetrics.format_outcome(trunc(r1.perspective_fulfilment, 1), NULL, num_style)
					  || '&nbsp;%</span>'
				  ELSE '' END
			   || '</h3><div class="table-wrap"><table><thead><tr>'
			   || format('<th scope="col" class="name">%s</th>', w_col_name)
			   || format('<th scope="col" class="num">%s %s</th>', w_col_out, y - 2)
			   || format('<th scope="col" class="num">%s %s</th>', w_col_out, y - 1)
			   || format('<th scope="col" class="num">%s %s</th>', w_col_out, y)
			   || format('<th scope="col" class="target">%s %s</th>', w_col_target, y)
			   || '<th scope="col" class="status">Status</th>'
			   || format('<th scope="col" class="trend">%s</th>', w_col_trend)
			   || format('<th scope="col" class="chart">%s %s&ndash;%s</th>', w_col_chart, y - 2, y)
			   || '</tr></thead>'
			   || string_agg(g.html, '' ORDER BY g.line)
			   || '</table></div></section>' AS html
		  FROM g
		  JOIN LATERAL (SELECT r.perspective_id, r.perspective_sv, r.perspective_en, r.perspective_status,
							   r.perspective_fulfilment
						  FROM r WHERE r.committee_id = g.committee_id AND r.perspective_id = g.perspective_id
						 LIMIT 1) r1 ON true
		 GROUP BY g.committee_id, r1.perspective_id, r1.perspective_sv, r1.perspective_en,
				  r1.perspective_status, r1.perspective_fulfilment
	), c AS (
		SELECT min(p.line) AS line,
			   format('<section class="committee" data-committee-id="%s" data-status="%s"><h2>',
					  r1.committee_id, coalesce(r1.committee_status::text, ''))
			   || goalmetrics.html_escape(r1.committee_name) || '</h2>'
			   || CASE WHEN r1.committee_fulfilment IS NOT NULL THEN
					  '<p class="committee-rollup">' || goalmetrics.report_symbol(r1.committee_status, lang, ru.partly_above, ru.fulfilled_at)
					  || '<span>' || w_overall || ' '
					  || goalmetrics.format_outcome(trunc(r1.committee_fulfilment, 1), NULL, num_style)
					  || '&nbsp;% &middot; ' || r1.committee_goals || ' ' || w_goals || '</span></p>'
				  ELSE '' END
			   || string_agg(p.html, '' ORDER BY p.line)
			   || '</section>' AS html
		  FROM p
		  JOIN LATERAL (SELECT r.committee_id, r.committee_name, r.committee_status, r.committee_fulfilment,
							   r.committee_goals
						  FROM r WHERE r.committee_id = p.committee_id LIMIT 1) r1 ON true
		 GROUP BY r1.committee_id, r1.committee_name, r1.committee_status, r1.committee_fulfilment,
				  r1.committee_goals
	)
	SELECT string_agg(c.html, '' ORDER BY c.line) INTO body FROM c;

	-- heading holds the committee's name, when one was asked for
	heading := coalesce(goalmetrics.html_escape(heading) || ': ', '') || w_title || ' ' || y;

	RETURN '<!DOCTYPE html>' || chr(10)
		|| '<html lang="' || lang || '"><head><meta charset="utf-8">'
		|| '<meta name="viewport" content="width=device-width, initial-scale=1">'
		|| '<meta name="generator" content="goalmetrics ' || goalmetrics.html_escape(goalmetrics.goalmetrics_version()) || '">'
		|| '<title>' || heading || '</title>'
		|| '<style>' || css || '</style></head>' || chr(10)
		|| '<body><main class="gm-report" data-year="' || y || '">'
		|| '<h1>' || heading || '</h1>'
		|| '<p class="intro">' || format(w_intro, y) || '</p>'
		|| '<ul class="legend" aria-label="' || w_legend || '">' || legend || '</ul>' || chr(10)
		|| coalesce(body, '<p class="empty">' || format(w_none, y) || '</p>') || chr(10)
		|| '<footer>' || w_made || ' ' || goalmetrics.html_escape(goalmetrics.goalmetrics_version()) || '</footer>'
		|| '</main></body></html>' || chr(10);
END
$$;
COMMENT ON FUNCTION report_html(integer, text, text) IS 'The annual report of a year as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched): per committee and perspective, each goal with its status and roll-up, each metric with three years'' outcomes, target, status, trend and a chart; Swedish (''sv'', default) or English (''en'')';

-- ------------------------------------------------------------- report_csv
-- annual_report()'s lines for a Swedish spreadsheet: semicolons, a decimal
-- comma and no digit groups in the numbers (format_outcome(..., 'sheet')),
-- so that Excel and LibreOffice in Swedish read them as numbers; CRLF line
-- ends; text quoted, quotes doubled, and text that a spreadsheet would run
-- as a formula (starting with = + - @, a tab or a carriage return) prefixed
-- with an apostrophe.  In a UTF8 (or SQL_ASCII) database the text starts
-- with a byte order mark, U+FEFF, which is how Excel knows the file is
-- UTF-8; LATIN1, LATIN9 and WIN1252 have no such character (doc/report.md).
-- Columns: committee, perspective, goal, metric, the outcomes of year - 2,
-- year - 1 and year, the unit, the target as written, the status label, the
-- trend, and the goal's assessed status (its label) and analysis, on each
-- of its metrics' lines.  Labels follow the year's rules (rules_for()).
CREATE FUNCTION report_csv(year integer, committee text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
	y		integer := report_csv.year;
	crlf	text := chr(13) || chr(10);
	bom		text := '';
	header	text;
	lines	text;
	ru		record;
BEGIN
	PERFORM goalmetrics.report_committee(report_csv.committee);
	SELECT * INTO ru FROM goalmetrics.rules_for(y);
	IF getdatabaseencoding() IN ('UTF8', 'SQL_ASCII') THEN
		bom := convert_from('\xefbbbf', 'UTF8');
	END IF;
	-- N\u00e4mnd;Perspektiv;M\u00e5l;M\u00e4tetal;Utfall ...;Enhet;M\u00e5lv\u00e4rde ...;Status;Trend;
	-- M\u00e5lets bed\u00f6mning;M\u00e5lanalys
	header := concat_ws(';', convert_from('\x4ec3a46d6e64', 'UTF8'), 'Perspektiv',
						convert_from('\x4dc3a56c', 'UTF8'), convert_from('\x4dc3a4746574616c', 'UTF8'),
						'Utfall ' || (y - 2), 'Utfall ' || (y - 1), 'Utfall ' || y, 'Enhet',
						convert_from('\x4dc3a56c76c3a4726465', 'UTF8') || ' ' || y, 'Status', 'Trend',
						convert_from('\x4dc3a56c65747320626564c3b66d6e696e67', 'UTF8'), convert_from('\x4dc3a56c616e616c7973', 'UTF8'));
	SELECT string_agg(concat_ws(';',
				goalmetrics.report_csv_text(r.committee_name), goalmetrics.report_csv_text(r.perspective_sv),
				goalmetrics.report_csv_text(r.goal), goalmetrics.report_csv_text(r.metric),
				coalesce(goalmetrics.format_outcome(r.outcome_prev2, NULL, 'sheet'), ''),
				coalesce(goalmetrics.format_outcome(r.outcome_prev1, NULL, 'sheet'), ''),
				coalesce(goalmetrics.format_outcome(r.outcome, NULL, 'sheet'), ''),
				goalmetrics.report_csv_text(goalmetrics.target_unit(r.target)),
				goalmetrics.report_csv_text(goalmetrics.format_target(r.target)),
				goalmetrics.report_csv_text(goalmetrics.status_label(r.status, 'sv', ru.partly_above, ru.fulfilled_at)),
				goalmetrics.report_csv_text(goalmetrics.trend_label(r.trend)),
				goalmetrics.report_csv_text(goalmetrics.status_label(r.goal_assessed_status, 'sv', ru.partly_above, ru.fulfilled_at)),
				goalmetrics.report_csv_text(r.analysis)) || crlf, '' ORDER BY r.line)
	  INTO lines
	  FROM goalmetrics.report_rows(y, report_csv.committee) r;
	RETURN bom || header || crlf || coalesce(lines, '');
END
$$;
COMMENT ON FUNCTION report_csv(integer, text) IS 'The annual report''s lines as a CSV file for Swedish Excel and LibreOffice: semicolons, decimal comma, CRLF, UTF-8 byte order mark (UTF8 databases)';

-- A text cell of report_csv(): quoted, quotes doubled, a leading character
-- that starts a formula defused with an apostrophe; empty for NULL.
CREATE FUNCTION report_csv_text(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN $1 IS NULL THEN ''
			ELSE '"' OPERATOR(pg_catalog.||)
				 CASE WHEN $1 OPERATOR(pg_catalog.~) '^[-=+@\t\r]' THEN '''' ELSE '' END
				 OPERATOR(pg_catalog.||) pg_catalog.replace($1, '"', '""') OPERATOR(pg_catalog.||) '"' END;
COMMENT ON FUNCTION report_csv_text(text) IS 'Support of report_csv(): a text cell, quoted, with a formula''s first character defused';
