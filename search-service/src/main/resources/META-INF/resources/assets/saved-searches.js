// The saved-searches page: hits appear and change state as they happen (server-sent events from
// /saved-searches/events), without a reload; a delete asks first. The page works without it, reloaded by hand.
(function () {
  'use strict';
  var status = document.getElementById('live-status');

  Array.prototype.forEach.call(document.querySelectorAll('form.delete[data-confirm]'), function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });

  if (!status || !window.EventSource) {
    return;
  }

  function say(text, state) {
    status.textContent = text;
    document.body.setAttribute('data-live', state);
  }

  function cell(row, child) {
    var td = document.createElement('td');
    td.appendChild(child);
    row.appendChild(td);
    return td;
  }

  // The same row the server draws (templates/SavedSearchPages/list.html), from the same fields; text only, never HTML.
  function rowOf(hit) {
    var row = document.createElement('tr');
    row.setAttribute('data-delivery', hit.deliveryId);
    row.className = 'state-' + hit.state;
    var link = document.createElement('a');
    link.href = hit.articleUrl;
    link.textContent = hit.headline;
    cell(row, link);
    var time = document.createElement('time');
    time.setAttribute('dateTime', hit.matchedAt);
    time.textContent = hit.matchedAtText;
    cell(row, time);
    var state = cell(row, document.createTextNode(hit.stateText));
    state.className = 'state';
    if (hit.answer) {
      var answer = document.createElement('span');
      answer.className = 'answer';
      answer.textContent = '：' + hit.answer;
      state.appendChild(answer);
    }
    return row;
  }

  function show(hit) {
    var section = document.querySelector('section[data-saved-search="' + CSS.escape(hit.savedSearchId) + '"]');
    if (!section) {
      return; // saved in another window after this page was drawn: a reload shows it
    }
    var table = section.querySelector('table.alert-hits');
    var body = table.tBodies[0];
    var row = rowOf(hit);
    var old = body.querySelector('tr[data-delivery="' + CSS.escape(hit.deliveryId) + '"]');
    if (old) {
      body.replaceChild(row, old); // its delivery moved on
    } else {
      body.insertBefore(row, body.firstChild); // newest first
      var keep = Number(table.getAttribute('data-keep')) || 20;
      while (body.rows.length > keep) {
        body.deleteRow(body.rows.length - 1);
      }
    }
    table.hidden = false;
    section.querySelector('.no-hits').hidden = true;
  }

  var source = new EventSource('/saved-searches/events');
  source.addEventListener('ready', function () {
    say('实时更新已连接：新命中会自动出现在这里。', 'open');
  });
  source.addEventListener('hit', function (event) {
    show(JSON.parse(event.data));
  });
  source.addEventListener('error', function () {
    // the browser reconnects by itself; hits that came meanwhile show after a reload
    say('实时更新已断开，正在重新连接…（刷新页面可看到断开期间的命中）', 'reconnecting');
  });
  // leaving the page: close the stream rather than have the browser report it broken
  window.addEventListener('pagehide', function () { source.close(); });
}());
