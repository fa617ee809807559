// Draws the months of /statistik with echarts; the tables on the page hold the same figures without JavaScript.
(function () {
  var target = document.getElementById('statistics-chart');
  if (!target || !target.dataset.months || typeof echarts === 'undefined') {
    return;
  }
  var months = JSON.parse(target.dataset.months);
  // The series' names in the page's language: [received, closed, escalations].
  var labels = JSON.parse(target.dataset.labels);
  var chart = echarts.init(target);
  chart.setOption({
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { data: labels },
    xAxis: { type: 'category', data: months.map(function (m) { return m.month; }) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels[0], type: 'bar', data: months.map(function (m) { return m.received; }) },
      { name: labels[1], type: 'bar', data: months.map(function (m) { return m.closed; }) },
      { name: labels[2], type: 'line', data: months.map(function (m) { return m.escalations; }) }
    ]
  });
})();
