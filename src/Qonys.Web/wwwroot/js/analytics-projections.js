// /analytics/projections: totals and shares over time (with the p10–p90 band of a probabilistic run and compared runs),
// the population pyramid animated by year (ECharts timeline), the map of projected change, and polling of a long run.
(function () {
    var A = window.QonysAnalytics;
    var d = A.data('projection-data');
    var text = A.data('analytics-text');
    if (!d || !d.run) return;

    if (d.run.status === 'queued' || d.run.status === 'running') {
        var bar = document.querySelector('[data-testid="run-progress"]');
        var label = document.querySelector('[data-progress-text]');
        var poll = function () {
            fetch(d.run.statusUrl, { headers: { Accept: 'application/json' } })
                .then(function (r) { return r.json(); })
                .then(function (run) {
                    if (bar) bar.value = run.progress;
                    if (label) label.textContent = run.progress.toFixed(1);
                    if (run.status === 'queued' || run.status === 'running') setTimeout(poll, 1000);
                    else window.location.reload();
                })
                .catch(function () { setTimeout(poll, 3000); });
        };
        setTimeout(poll, 800);
        var cancel = document.querySelector('[data-cancel-url]');
        if (cancel) cancel.addEventListener('click', function () {
            cancel.disabled = true;
            var token = document.querySelector('meta[name="request-verification-token"]');
            fetch(cancel.getAttribute('data-cancel-url'), {
                method: 'POST', headers: { RequestVerificationToken: token ? token.content : '' }
            });
        });
        return;
    }
    if (d.run.status !== 'done') return;

    var years = d.series.map(function (s) { return s.year; });
    var totalSeries = [];
    if (d.run.trajectories > 0) {
        // The band: an invisible p10 line with the p90 − p10 difference stacked on it.
        totalSeries.push({ name: 'p10', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
            data: d.series.map(function (s) { return s.quantiles.p10; }) });
        totalSeries.push({ name: text.p10p90, type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
            areaStyle: { color: 'rgba(25,118,210,0.2)' }, data: d.series.map(function (s) { return s.quantiles.p90 - s.quantiles.p10; }) });
    }
    totalSeries.push({ name: d.run.label, type: 'line', data: d.series.map(function (s) { return s.total; }) });
    d.compare.forEach(function (c) {
        totalSeries.push({ name: c.label, type: 'line', data: c.series.filter(function (s) { return s.year <= d.run.horizonYear; }).map(function (s) { return s.total; }) });
    });
    var total = A.chart('chart-total');
    total.setOption({
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return A.format(v); } },
        legend: { top: 0, data: totalSeries.filter(function (s) { return s.name !== 'p10'; }).map(function (s) { return s.name; }) },
        grid: { left: 80, right: 20, top: 50, bottom: 30 },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', scale: true, axisLabel: { formatter: function (v) { return (v / 1e6).toFixed(1) + ' M'; } } },
        series: totalSeries
    });

    var shareSeries = [
        { name: text.working + ' · ' + d.run.label, type: 'line', data: d.series.map(function (s) { return +(100 * s.workingAgeShare).toFixed(2); }) },
        { name: text.above + ' · ' + d.run.label, type: 'line', data: d.series.map(function (s) { return +(100 * s.aboveWorkingAgeShare).toFixed(2); }) }
    ];
    d.compare.forEach(function (c) {
        var rows = c.series.filter(function (s) { return s.year <= d.run.horizonYear; });
        shareSeries.push({ name: text.working + ' · ' + c.label, type: 'line', lineStyle: { type: 'dashed' }, data: rows.map(function (s) { return +(100 * s.workingAgeShare).toFixed(2); }) });
        shareSeries.push({ name: text.above + ' · ' + c.label, type: 'line', lineStyle: { type: 'dashed' }, data: rows.map(function (s) { return +(100 * s.aboveWorkingAgeShare).toFixed(2); }) });
    });
    A.chart('chart-shares').setOption({
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 50, right: 20, top: 50, bottom: 30 },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
        series: shareSeries
    });

    if (d.pyramid) {
        var p = d.pyramid;
        var max = 0;
        p.years.forEach(function (y) { y.male.concat(y.female).forEach(function (v) { if (v > max) max = v; }); });
        var pyramid = A.chart('chart-pyramid');
        pyramid.setOption({
            baseOption: {
                timeline: { axisType: 'category', data: p.years.map(function (y) { return String(y.year); }), autoPlay: true, loop: false, playInterval: 700, bottom: 0 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return A.format(Math.abs(v)); } },
                legend: { top: 0, data: [text.men, text.women] },
                grid: { left: 60, right: 20, top: 40, bottom: 70 },
                xAxis: { type: 'value', min: -max, max: max, axisLabel: { formatter: function (v) { return (Math.abs(v) / 1000).toFixed(0) + 'k'; } } },
                yAxis: { type: 'category', data: p.ages, axisTick: { show: false } },
                series: [
                    { name: text.men, type: 'bar', stack: 'sex', barCategoryGap: '5%', itemStyle: { color: '#1976d2' } },
                    { name: text.women, type: 'bar', stack: 'sex', barCategoryGap: '5%', itemStyle: { color: '#d81b60' } }
                ]
            },
            options: p.years.map(function (y) {
                return {
                    title: { text: String(y.year), right: 10, top: 0 },
                    series: [{ data: y.male.map(function (v) { return -v; }) }, { data: y.female }]
                };
            })
        });
        pyramid.getDom().setAttribute('data-rendered', 'true');
    }

    if (d.regional && d.regional.length > 0) {
        A.regionMap('chart-map', d.regional.map(function (r) {
            return { code: r.regionCode, value: r.changePct, label: '(' + text.change + ', %)' };
        }), text.change, ['#b71c1c', '#ffcdd2', '#f5f5f5', '#c8e6c9', '#1b5e20'], true);
    }
})();
