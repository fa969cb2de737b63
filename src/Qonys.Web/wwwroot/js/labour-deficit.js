// /analytics/labour-deficit: the map of the regions' labour-deficit index (data from the page's JSON block).
(function () {
    var rows = QonysAnalytics.data('deficit-data');
    QonysAnalytics.regionMap('chart-deficit-map', rows, 'index', ['#e8f5e9', '#fff59d', '#ff9800', '#b71c1c']);
})();
