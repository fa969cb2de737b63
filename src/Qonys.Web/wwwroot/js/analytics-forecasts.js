// /analytics/forecasts: history, point forecast and the 80 % and 95 % intervals as stacked bands.
(function () {
    var A = window.QonysAnalytics;
    var d = A.data('forecast-data');
    var text = A.data('forecast-text');
    if (!d) return;
    var periods = d.history.map(function (h) { return h.period; }).concat(d.forecast.map(function (f) { return f.period; }));
    var pad = d.history.map(function () { return null; });
    function band(lower, upper) {
        return [pad.concat(d.forecast.map(lower)), pad.concat(d.forecast.map(function (f) { return upper(f) - lower(f); }))];
    }
    var b95 = band(function (f) { return f.lower95; }, function (f) { return f.upper95; });
    var b80 = band(function (f) { return f.lower80; }, function (f) { return f.upper80; });
    var c = A.chart('chart-forecast');
    c.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [text.history, text.forecast, '95 %', '80 %'] },
        grid: { left: 60, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', scale: true },
        series: [
            { name: 'l95', type: 'line', stack: 'b95', symbol: 'none', lineStyle: { opacity: 0 }, data: b95[0], tooltip: { show: false } },
            { name: '95 %', type: 'line', stack: 'b95', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(25,118,210,0.12)' }, data: b95[1] },
            { name: 'l80', type: 'line', stack: 'b80', symbol: 'none', lineStyle: { opacity: 0 }, data: b80[0], tooltip: { show: false } },
            { name: '80 %', type: 'line', stack: 'b80', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(25,118,210,0.25)' }, data: b80[1] },
            { name: text.history, type: 'line', data: d.history.map(function (h) { return h.value; }) },
            { name: text.forecast, type: 'line', lineStyle: { type: 'dashed' }, data: pad.concat(d.forecast.map(function (f) { return f.point; })) }
        ]
    });
    c.getDom().setAttribute('data-rendered', 'true');
})();
