// The quota page's stacked bar chart (Apache ECharts), drawn from the JSON the page embeds: one bar per region and
// category, used + reserved + available = the cap. The table above it carries the same figures without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('quota-chart');
    var source = document.getElementById('quota-chart-data');
    if (!element || !source || typeof echarts === 'undefined') return;
    var data = JSON.parse(source.textContent);
    var colours = ['#2e7d32', '#f9a825', '#90caf9'];
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
        animation: false,
        color: colours,
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: data.labels.length > 8 ? 45 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.series.map(function (s) {
            return { name: s.name, type: 'bar', stack: 'cap', barMaxWidth: 72, data: s.data, emphasis: { focus: 'series' } };
        })
    });
    window.addEventListener('resize', function () { chart.resize(); });
});
