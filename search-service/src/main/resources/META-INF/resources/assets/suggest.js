// Enhances the search form: names from /api/suggest while typing, and no empty parameters in the URL.
// The page works without it.
(function () {
  'use strict';
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  if (!input || !list) {
    return;
  }
  var kinds = [['persons', '人物'], ['places', '地点'], ['organizations', '机构']];
  var timer = null;
  var asked = '';
  var composing = false;

  function lastWord(text) {
    var words = text.trim().split(/\s+/);
    return words[words.length - 1] || '';
  }

  function show(answer, prefix) {
    if (lastWord(input.value) !== prefix) {
      return; // typed on meanwhile
    }
    var head = input.value.trim();
    head = head.substring(0, head.length - prefix.length);
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    kinds.forEach(function (kind) {
      (answer[kind[0]] || []).forEach(function (name) {
        var option = document.createElement('option');
        option.value = head + name;
        option.label = kind[1];
        list.appendChild(option);
      });
    });
  }

  function ask() {
    var prefix = lastWord(input.value);
    if (!prefix || prefix === asked || prefix.length > 50 || /^[-|("“]/.test(prefix)) {
      return;
    }
    asked = prefix;
    fetch('/api/suggest?prefix=' + encodeURIComponent(prefix), {headers: {'Accept': 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { show(answer, prefix); } })
      .catch(function () { /* no suggestions: the search itself still works */ });
  }

  input.addEventListener('compositionstart', function () { composing = true; });
  input.addEventListener('compositionend', function () { composing = false; ask(); });
  input.addEventListener('input', function (event) {
    if (composing || event.isComposing) {
      return; // pinyin being typed is no prefix of a name
    }
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });

  var form = input.form;
  if (form) {
    form.addEventListener('submit', function () {
      // a shorter, bookmarkable URL: empty fields and the default sort say nothing
      Array.prototype.forEach.call(form.elements, function (field) {
        if (field.name && (field.value === '' || (field.name === 'sort' && field.value === 'relevance'))) {
          field.disabled = true;
        }
      });
    });
    // back to a page kept in the browser's cache: the fields must work again
    window.addEventListener('pageshow', function () {
      Array.prototype.forEach.call(form.elements, function (field) { field.disabled = false; });
    });
  }
}());
