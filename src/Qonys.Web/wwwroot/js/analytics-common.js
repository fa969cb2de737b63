// Shared helpers of the analytical centre's pages: reading embedded JSON, the region map, number formats.
window.QonysAnalytics = (function () {
    function data(id) {
        var el = document.getElementById(id);
        return el ? JSON.parse(el.textContent) : null;
    }

    var mapReady = null;
    function registerMap() {
        if (!mapReady) {
            mapReady = fetch('/geo/kz_adm1_2022_simplified.json')
                .then(function (r) { return r.json(); })
                .then(function (geo) { echarts.registerMap('kz-adm1', geo); return geo; });
        }
        return mapReady;
    }

    function chart(id) {
        var el = document.getElementById(id);
        if (!el) return null;
        var c = echarts.init(el, null, { renderer: 'canvas' });
        window.addEventListener('resize', function () { c.resize(); });
        return c;
    }

    function regionMap(id, rows, valueName, colours, symmetric) {
        var c = chart(id);
        if (!c) return Promise.resolve(null);
        return registerMap().then(function () {
            var values = rows.map(function (r) { return r.value; });
            var min = Math.min.apply(null, values), max = Math.max.apply(null, values);
            if (symmetric) { max = Math.max(Math.abs(min), Math.abs(max)); min = -max; }
            if (min === max) { min -= 1; max += 1; }
            c.setOption({
                tooltip: { trigger: 'item', formatter: function (p) { return p.name + (p.data && p.data.label ? ' ' + p.data.label : '') + ': ' + (p.value == null || isNaN(p.value) ? '–' : p.value); } },
                visualMap: { min: min, max: max, calculable: true, left: 'left', bottom: 10, text: [String(max), String(min)], inRange: { color: colours } },
                series: [{
                    type: 'map', map: 'kz-adm1', nameProperty: 'iso_3166_2', roam: false, name: valueName,
                    emphasis: { label: { show: false } },
                    data: rows.map(function (r) { return { name: r.code, value: r.value, label: r.label }; })
                }]
            });
            c.getDom().setAttribute('data-rendered', 'true');
            return c;
        });
    }

    var number = new Intl.NumberFormat(document.documentElement.lang || 'en');
    return { data: data, chart: chart, regionMap: regionMap, format: function (v) { return number.format(Math.round(v)); } };
})();
