// Draws the months of /statistik with echarts; the tables on the page hold the same figures without JavaScript.
(function () {
  var target = document.getElementById('statistics-chart');
  if (!target || !target.dataset.months || typeof echarts === 'undefined') {
    return;
  }
  var months = JSON.parse(target.dataset.months);
  var chart = echarts.init(target);
  chart.setOption({
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: ['Inkomna', 'Avslutade', 'Eskaleringar'] },
    xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Inkomna', type: 'bar', data: months.map(function (m) { return m.received; }) },
      { name: 'Avslutade', type: 'bar', data: months.map(function (m) { return m.closed; }) },
      { name: 'Eskaleringar', type: 'line', data: months.map(function (m) { return m.escalations; }) }
    ]
  });
})();
