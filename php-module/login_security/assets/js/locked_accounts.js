/*
 * Login Security — Locked accounts page: "select all", and a confirmation before re-enabling the checked rows.
 * Texts come from data- attributes of #login-security-locked; the form itself posts (CSRF field included).
 */
(function () {
  'use strict';

  function init() {
    var root = document.getElementById('login-security-locked');
    var form = document.getElementById('login-security-reenable-form');
    if (!root || !form) {
      return;
    }
    var all = document.getElementById('login-security-select-all');
    var boxes = function () {
      return Array.prototype.slice.call(form.querySelectorAll('input.login-security-select'));
    };

    if (all) {
      all.addEventListener('change', function () {
        boxes().forEach(function (box) { box.checked = all.checked; });
      });
      form.addEventListener('change', function (event) {
        if (event.target !== all && event.target.classList.contains('login-security-select')) {
          var list = boxes();
          all.checked = list.length > 0 && list.every(function (box) { return box.checked; });
        }
      });
    }

    form.addEventListener('submit', function (event) {
      var submitter = event.submitter;
      if (submitter && submitter.name === 'key') {
        return; // one row's own button
      }
      if (!boxes().some(function (box) { return box.checked; })) {
        event.preventDefault();
        window.alert(root.getAttribute('data-nothing-selected'));
        return;
      }
      if (!window.confirm(root.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
