// Phoenix dashboard: polls data (same origin, this context) and renders it. No external scripts.
(function () {
  'use strict';
  var POLL_MS = 1500;
  // Built from origin + path so that a URL with credentials in it (user:pass@host) still yields a usable fetch URL.
  var DATA_URL = location.origin + location.pathname.replace(/[^/]*$/, '') + 'data';
  var previous = null; // last sample: {time, handled: {type: n}, total, failed}

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value; }
  function cell(row, value, cls) {
    var td = document.createElement('td');
    td.textContent = value === undefined || value === null ? '' : value;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }
  function fill(id, items, render) {
    var body = $(id);
    var rows = document.createDocumentFragment();
    items.forEach(function (item) { var tr = document.createElement('tr'); render(tr, item); rows.appendChild(tr); });
    body.replaceChildren(rows);
  }
  function mb(bytes) { return bytes >= 0 ? (bytes / 1048576).toFixed(0) + ' MB' : '–'; }
  function rate(now, before, seconds) { return seconds > 0 && before !== undefined ? Math.max(0, (now - before) / seconds) : null; }
  function fmtRate(r) { return r === null ? '–' : r.toFixed(r < 10 ? 1 : 0); }
  function fmtMicros(us) {
    if (us === undefined || us === null) { return '–'; }
    if (us < 1000) { return us.toFixed(us < 10 ? 1 : 0) + ' µs'; }
    if (us < 1e6) { return (us / 1000).toFixed(us < 1e4 ? 2 : 1) + ' ms'; }
    return (us / 1e6).toFixed(2) + ' s';
  }
  function fmtPercentiles(p) { return fmtMicros(p.p50Micros) + ' / ' + fmtMicros(p.p99Micros); }
  // Recent percentiles when messages were handled since the previous poll, else those since the start, labelled.
  function renderLatency(l) {
    if (!l.available) { text('latency', '–'); text('latency-note', 'runtime down'); return; }
    var recent = l.recent, total = l.total;
    var note = total.count > 0 ? 'since start: ' + fmtPercentiles(total) + ', max ' + fmtMicros(total.maxMicros)
      + ' (' + total.count + ' sampled)' : 'no messages yet';
    if (recent && recent.count > 0) {
      text('latency', fmtPercentiles(recent));
      text('latency-note', 'last ' + (l.windowMillis / 1000).toFixed(1) + ' s (' + recent.count + ' sampled); ' + note);
    } else {
      text('latency', recent ? 'idle' : '…');
      text('latency-note', note);
    }
  }

  function render(d) {
    var node = d.node, cluster = d.cluster;
    text('node-id', node.up ? node.id : 'runtime down');
    text('cluster-mode', cluster.mode + (cluster.state ? ' · ' + cluster.state : ''));
    text('nodes-count', cluster.nodes.length);
    text('agents-total', node.up ? node.agents : '–');
    text('agents-active', node.up ? node.activeAgents : '–');
    text('mailbox', node.up ? node.mailboxDepth : '–');
    text('heap', mb(node.heapUsedBytes) + ' / ' + mb(node.heapMaxBytes));
    renderLatency(d.latency);
    text('cluster-problems', (cluster.problems || []).join('; '));

    var seconds = previous ? (d.time - previous.time) / 1000 : 0;
    var handled = {};
    d.types.forEach(function (t) { handled[t.name] = t.messagesHandled; });
    text('rate-total', fmtRate(previous && node.up ? rate(node.messagesHandled, previous.total, seconds) : null));
    text('failed-rate', fmtRate(previous && node.up ? rate(node.messagesFailed, previous.failed, seconds) : null));
    var repl = d.replication;
    text('replicated-rate', !repl.available ? '–' : fmtRate(repl.commitsPerSecond)
      + (repl.failuresPerSecond > 0 ? ' (' + fmtRate(repl.failuresPerSecond) + ' failed)' : ''));

    fill('nodes', cluster.nodes, function (tr, n) {
      cell(tr, n.id, n.local ? 'local' : '');
      cell(tr, n.address || '');
      cell(tr, n.health, 'health-' + n.health);
      cell(tr, n.agents < 0 ? '?' : n.agents, 'num');
      cell(tr, n.cpuLoad === undefined || n.cpuLoad < 0 ? '–' : (n.cpuLoad * 100).toFixed(0) + ' %', 'num');
      cell(tr, n.heapUsedBytes === undefined ? '–' : mb(n.heapUsedBytes) + ' / ' + mb(n.heapMaxBytes), 'num');
    });
    fill('types', d.types, function (tr, t) {
      cell(tr, t.name);
      cell(tr, t.version);
      cell(tr, t.available ? 'yes' : 'suspended', t.available ? 'up' : 'down');
      cell(tr, t.agents, 'num');
      cell(tr, t.activeAgents, 'num');
      cell(tr, t.messagesHandled, 'num');
      cell(tr, fmtRate(previous ? rate(t.messagesHandled, previous.handled[t.name], seconds) : null), 'num');
      cell(tr, t.messagesFailed, 'num');
      cell(tr, t.upgrades, 'num');
      var busy = t.latency && t.latency.count > 0;
      cell(tr, busy ? fmtMicros(t.latency.p50Micros) : '–', 'num');
      cell(tr, busy ? fmtMicros(t.latency.p99Micros) : '–', 'num');
    });
    fill('events', d.events, function (tr, e) {
      cell(tr, new Date(e.timestamp).toLocaleTimeString());
      cell(tr, e.kind);
      cell(tr, e.node);
      cell(tr, e.type);
      cell(tr, e.agent);
      cell(tr, Object.keys(e.attributes).map(function (k) { return k + '=' + e.attributes[k]; }).join(' '));
    });
    previous = { time: d.time, handled: handled, total: node.messagesHandled, failed: node.messagesFailed };
    text('status', 'updated ' + new Date(d.time).toLocaleTimeString());
    document.body.setAttribute('data-updated', String(d.time));
  }

  function poll() {
    fetch(DATA_URL, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
      .then(render)
      .catch(function (e) { text('status', 'no data: ' + e.message); })
      .then(function () { setTimeout(poll, POLL_MS); });
  }
  poll();
}());
