// Checks of a page made by goalmetrics.report_html(), run by Chromium on
// the page itself (test/report/run.sh appends this script and the
// expectations, EXPECTED, to a copy of the page).  Each check writes one
// line "ok - ..." or "not ok - ..." into <pre id="gm-verdict">, which
// run.sh reads back with --dump-dom; "# ..." lines say what differed.
(function () {
	'use strict';
	var E = EXPECTED;
	var lines = [];
	function check(ok, desc, why) {
		lines.push((ok ? 'ok - ' : 'not ok - ') + desc + ' [' + E.page + ' at ' + E.width + ' px]');
		if (!ok && why) [].concat(why).slice(0, 8).forEach(function (w) { lines.push('# ' + w); });
	}
	function text(el) { return el ? el.textContent.replace(/\s+/g, ' ').trim() : null; }
	function rgb(hex) {
		var n = parseInt(hex.slice(1), 16);
		return 'rgb(' + (n >> 16) + ', ' + ((n >> 8) & 255) + ', ' + (n & 255) + ')';
	}
	function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

	// A status symbol: its class, glyph, colour and text alternative
	function symbolProblems(el, status, what) {
		var st = el ? el.querySelector(':scope .st') : null, s = E.statuses[status], p = [];
		if (status === null) return st ? [what + ': a symbol where no status is'] : [];
		if (!st) return [what + ': no symbol for ' + status];
		if (!st.classList.contains('st-' + status)) p.push(what + ': class ' + st.className + ', want st-' + status);
		if (st.textContent !== s.symbol) p.push(what + ': symbol ' + st.textContent + ', want ' + s.symbol);
		var bg = getComputedStyle(st).backgroundColor;
		if (bg !== rgb(s.colour)) p.push(what + ': colour ' + bg + ', want ' + rgb(s.colour) + ' (' + s.colour + ')');
		if (st.getAttribute('role') !== 'img' || st.getAttribute('aria-label') !== s.label)
			p.push(what + ': text alternative "' + st.getAttribute('aria-label') + '", want "' + s.label + '"');
		if (st.getBoundingClientRect().width < 8) p.push(what + ': symbol not visible');
		return p;
	}

	function run() {
		var p, main = document.querySelector('main.gm-report');
		check(window.innerWidth === E.width, 'the window is ' + E.width + ' px wide', 'innerWidth ' + window.innerWidth);
		check(main !== null && document.documentElement.lang === E.lang,
			  'the page is a report in language ' + E.lang, 'lang ' + document.documentElement.lang);

		// the legend: the four statuses in order, with the labels in force
		var items = all('.legend li');
		p = [];
		if (items.length !== E.order.length) p.push(items.length + ' legend items, want ' + E.order.length);
		E.order.forEach(function (s, i) {
			if (!items[i]) return;
			if (text(items[i].querySelector('.legend-label')) !== E.statuses[s].label)
				p.push('legend ' + i + ': "' + text(items[i]) + '", want "' + E.statuses[s].label + '"');
			p = p.concat(symbolProblems(items[i], s, 'legend ' + s));
		});
		check(p.length === 0, 'the legend shows the four statuses in order with their labels, symbols and colours', p);

		// committees and perspectives, in order
		p = [];
		var comms = all('section.committee');
		if (comms.length !== E.committees.length) p.push(comms.length + ' committees, want ' + E.committees.length);
		E.committees.forEach(function (c, i) {
			var el = comms[i];
			if (!el) return;
			if (text(el.querySelector('h2')) !== c.name) p.push('committee ' + i + ': "' + text(el.querySelector('h2')) + '", want "' + c.name + '"');
			var ps = all('section.perspective h3', el).map(function (h) { return text(h.querySelector('span:not(.st):not(.rollup)')); });
			if (ps.join('|') !== c.perspectives.join('|')) p.push(c.name + ': perspectives ' + ps.join('|') + ', want ' + c.perspectives.join('|'));
			p = p.concat(symbolProblems(el.querySelector('.committee-rollup'), c.status, 'committee ' + c.name));
		});
		check(p.length === 0, 'every committee, with its perspectives in order and its roll-up status', p);

		// every goal: title, status symbol and colour, roll-up
		p = [];
		E.goals.forEach(function (g) {
			var el = document.querySelector('tbody.goal[data-goal-id="' + g.id + '"]');
			if (!el) { p.push('goal ' + g.id + ' "' + g.title + '" missing'); return; }
			if (text(el.querySelector('.goal-title')) !== g.title) p.push('goal ' + g.id + ': title "' + text(el.querySelector('.goal-title')) + '"');
			p = p.concat(symbolProblems(el.querySelector('.goal-head'), g.status, 'goal ' + g.id));
			if (g.rollup !== null && text(el.querySelector('.goal-head .rollup')).indexOf(g.rollup) !== 0)
				p.push('goal ' + g.id + ': roll-up "' + text(el.querySelector('.goal-head .rollup')) + '", want "' + g.rollup + '..."');
			var details = el.querySelector('details');
			if ((details !== null) !== (g.analysis !== null)) p.push('goal ' + g.id + ': analysis disclosure ' + (details ? 'present' : 'missing'));
			if (details && text(details.querySelector('.analysis-text')) !== g.analysis.replace(/\s+/g, ' ').trim())
				p.push('goal ' + g.id + ': analysis "' + text(details.querySelector('.analysis-text')) + '"');
			// the committee's assessed status beside the symbol of the status
			// that counts, and the computed one when they differ
			var assessed = el.querySelector('.goal-head .assessed');
			if ((assessed !== null) !== (g.assessed !== null)) p.push('goal ' + g.id + ': assessed status ' + (assessed ? 'present' : 'missing'));
			var at = assessed ? text(assessed) : '', al = g.assessed ? E.statuses[g.assessed].label : '';
			if (assessed && (assessed.getAttribute('data-assessed') !== g.assessed || at.indexOf(al) < 0
							 || (g.computed === g.assessed && at.slice(-al.length) !== al)
							 || (g.computed && g.computed !== g.assessed
								 && at.lastIndexOf(E.statuses[g.computed].label) <= at.indexOf(al))))
				p.push('goal ' + g.id + ': assessed "' + text(assessed) + '", want ' + g.assessed + ' (computed ' + g.computed + ')');
		});
		check(all('tbody.goal').length === E.goals.length && p.length === 0,
			  'every goal row (' + E.goals.length + ') with its title, status symbol, colour, text alternative, roll-up, analysis and assessed status',
			  p.concat(all('tbody.goal').length + ' goal rows on the page'));

		// every metric: name, three outcomes, target, status, trend
		p = [];
		E.metrics.forEach(function (m) {
			var el = document.querySelector('tr.metric[data-metric-id="' + m.id + '"]');
			if (!el) { p.push('metric ' + m.id + ' "' + m.name + '" missing'); return; }
			var goal = el.closest('tbody.goal');
			if (!goal || goal.getAttribute('data-goal-id') !== String(m.goal)) p.push('metric ' + m.id + ': not under goal ' + m.goal);
			if (text(el.querySelector('th.name')) !== m.name) p.push('metric ' + m.id + ': name "' + text(el.querySelector('th.name')) + '"');
			var cells = all('td.num', el).map(text);
			if (cells.join('|') !== m.outcomes.join('|')) p.push('metric ' + m.id + ': outcomes ' + cells.join('|') + ', want ' + m.outcomes.join('|'));
			if (text(el.querySelector('td.target')) !== m.target) p.push('metric ' + m.id + ': target "' + text(el.querySelector('td.target')) + '", want "' + m.target + '"');
			p = p.concat(symbolProblems(el.querySelector('td.status'), m.status, 'metric ' + m.id));
			var tr = el.querySelector('td.trend [role="img"]');
			if (m.trend === null ? tr !== null : (!tr || tr.textContent !== m.trend.symbol || tr.getAttribute('aria-label') !== m.trend.label))
				p.push('metric ' + m.id + ': trend ' + (tr ? tr.textContent + ' "' + tr.getAttribute('aria-label') + '"' : 'none') + ', want ' + JSON.stringify(m.trend));
		});
		check(all('tr.metric').length === E.metrics.length && p.length === 0,
			  'every metric row (' + E.metrics.length + ') with its name, three outcomes, target, status symbol, colour, text alternative and trend',
			  p.concat(all('tr.metric').length + ' metric rows on the page'));

		// outcomes written as the report writes them (hand-checked seeds)
		p = [];
		E.seeds.forEach(function (s) {
			var el = all('tr.metric').filter(function (r) { return text(r.querySelector('th.name')) === s.name; })[0];
			var got = el ? all('td.num', el).map(text).concat(text(el.querySelector('td.target'))).join('|') : 'missing';
			if (got !== s.cells.join('|')) p.push(s.name + ': ' + got + ', want ' + s.cells.join('|'));
		});
		check(p.length === 0, 'outcomes and targets as the report writes them (' + E.seeds.length + ' seed rows)', p);

		// a chart for each metric with two or more outcomes, none otherwise
		p = [];
		E.metrics.forEach(function (m) {
			var el = document.querySelector('tr.metric[data-metric-id="' + m.id + '"]');
			if (!el) return;
			var svg = el.querySelector('td.chart svg');
			var n = m.outcomes.filter(function (o) { return o !== '-'; }).length;
			if ((svg !== null) !== (n >= 2)) { p.push('metric ' + m.id + ': ' + n + ' outcomes, chart ' + (svg ? 'present' : 'missing')); return; }
			if (!svg) return;
			if (svg.querySelectorAll('circle').length !== n) p.push('metric ' + m.id + ': ' + svg.querySelectorAll('circle').length + ' points, want ' + n);
			if (!svg.getAttribute('aria-label') || svg.getAttribute('role') !== 'img') p.push('metric ' + m.id + ': chart without a text alternative');
			if ((svg.querySelector('line.target') !== null) !== (m.target !== '-')) p.push('metric ' + m.id + ': target line');
			var r = svg.getBoundingClientRect();
			if (r.width < 60 || r.height < 20) p.push('metric ' + m.id + ': chart ' + r.width + 'x' + r.height);
		});
		check(p.length === 0, 'an SVG chart, with a text alternative and the target, for each metric with two or more outcomes, none otherwise', p);

		// every image has a text alternative
		p = all('[role="img"]').filter(function (el) { return !(el.getAttribute('aria-label') || '').trim(); })
			.map(function (el) { return el.outerHTML.slice(0, 80); });
		check(p.length === 0, 'every symbol, arrow and chart has a text alternative', p);

		// nothing overflows the window, no text overflows its box
		p = [];
		var W = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > W) p.push('page is ' + document.documentElement.scrollWidth + ' px wide');
		all('main *').forEach(function (el) {
			if (el.closest('thead') && getComputedStyle(el.closest('thead')).position === 'absolute') return;
			var r = el.getBoundingClientRect();
			if (r.width === 0 && r.height === 0) return;
			if (r.right > W + 0.5 || r.left < -0.5) p.push(el.tagName + '.' + el.className + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ': ' + (text(el) || '').slice(0, 40));
			if (/^(TH|TD|H1|H2|H3|P|LI|SPAN|DIV|SUMMARY)$/.test(el.tagName) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX === 'visible')
				p.push(el.tagName + '.' + el.className + ' text overflows (' + el.scrollWidth + ' > ' + el.clientWidth + '): ' + (text(el) || '').slice(0, 40));
		});
		check(p.length === 0, 'nothing overflows the window or its box', p);

		// self-contained: no script but this test's, nothing fetched
		p = [];
		all('script').forEach(function (s) { if (s.id !== 'gm-test') p.push('script: ' + s.outerHTML.slice(0, 60)); });
		all('img, iframe, object, embed, link, video, audio, source, [src], [href], [srcset]').forEach(function (el) { p.push('external reference: ' + el.outerHTML.slice(0, 60)); });
		all('style').forEach(function (s) { if (/url\(|@import/i.test(s.textContent)) p.push('style fetches: ' + s.textContent.match(/(url\(|@import)[^;]*/i)[0]); });
		performance.getEntriesByType('resource').forEach(function (r) { p.push('fetched ' + r.name); });
		check(p.length === 0, 'the page is self-contained: no script, no external reference, nothing fetched', p);

		// names from users are text, never markup
		if (E.hostile) {
			p = [];
			if (window.gmPwned !== undefined) p.push('markup in a name ran: gmPwned = ' + window.gmPwned);
			if (all('main img, main script, main b, main i').length) p.push('markup in a name became elements');
			E.hostile.forEach(function (h) {
				if (all(h.selector).filter(function (el) { return el.textContent === h.text; }).length !== 1)
					p.push(h.selector + ': no element with the text ' + JSON.stringify(h.text));
			});
			check(p.length === 0, 'names with <script>, <img onerror>, quotes and & are shown as written and run nothing', p);
		}

		report();
	}
	// the verdict: to the wrapper page when framed (test/report/run.sh),
	// else into this page
	function report() {
		var text = lines.join('\n') + '\n';
		if (window.parent !== window) { window.parent.postMessage(text, '*'); return; }
		var v = document.createElement('pre');
		v.id = 'gm-verdict';
		v.textContent = text;
		document.body.appendChild(v);
	}
	function safeRun() {
		try { run(); } catch (e) {
			lines.push('not ok - the checks ran to the end [' + E.page + ' at ' + E.width + ' px]', '# ' + e);
			report();
		}
	}
	if (document.readyState === 'complete') safeRun(); else window.addEventListener('load', safeRun);
})();
