// Scorecard draft page: the what-if chart, points distribution before and after (data from the page's JSON block).
(function () {
    var data = document.getElementById("whatif-data");
    var el = document.getElementById("whatif-chart");
    if (!data || !el || !window.echarts) return;
    var d = JSON.parse(data.textContent);
    var names = d.before.map(function (_, i) { return d.edges[i] + "–" + d.edges[i + 1]; });
    echarts.init(el).setOption({
        tooltip: { trigger: "axis" }, legend: { data: d.labels },
        xAxis: { type: "category", data: names }, yAxis: { type: "value" },
        series: [{ name: d.labels[0], type: "bar", data: d.before }, { name: d.labels[1], type: "bar", data: d.after }]
    });
})();
