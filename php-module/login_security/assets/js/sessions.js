/*
 * Login Sessions and My sessions: confirmation of the sign-out and ban buttons (data-confirm), and on the admin list
 * (#login-security-sessions) a refresh of the rows every data-interval seconds from data-rows-url. The rows come as
 * HTML the server escaped; a refresh is an XMLHttpRequest-marked background request, so it never counts as the
 * admin's activity. It waits while the admin is typing in a row's form, and while the tab is hidden.
 * The footer loads this script after the page's content.
 */
(function () {
    'use strict';

    var root = document.getElementById('login-security-sessions');
    var tbody = document.getElementById('login-security-sessions-rows');
    var table = document.getElementById('login-security-sessions-table');

    document.addEventListener('submit', function (event) {
        var form = event.target;
        var button = event.submitter || (form && form.querySelector('[data-confirm]'));
        var question = button && button.getAttribute('data-confirm');
        if (question && !window.confirm(question)) {
            event.preventDefault();
        }
    });

    function busy() {
        var active = document.activeElement;
        var typing = active !== null && table.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
        return typing || table.querySelector('details[open]') !== null;
    }

    function rowsUrl() {
        var url = root.getAttribute('data-rows-url');
        var form = document.getElementById('login-security-sessions-filter');
        var query = form ? new URLSearchParams(new FormData(form)).toString() : '';
        return query ? url + (url.indexOf('?') === -1 ? '?' : '&') + query : url;
    }

    function stamp() {
        var label = document.getElementById('login-security-sessions-updated');
        if (label) {
            // HH:MM:SS, local time.
            label.textContent = (label.getAttribute('data-label') || '%s').replace('%s', new Date().toTimeString().slice(0, 8));
        }
        root.setAttribute('data-refreshed', String(Date.now()));
    }

    function refresh() {
        if (document.hidden || busy()) {
            return;
        }
        fetch(rowsUrl(), {
            credentials: 'same-origin',
            headers: {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'text/html'},
            cache: 'no-store'
        }).then(function (response) {
            // Signed out meanwhile: Perfex answers with its login page; show it.
            if (response.redirected || !response.ok) {
                window.location.reload();
                return null;
            }
            return response.text();
        }).then(function (html) {
            if (html !== null && !busy()) {
                tbody.innerHTML = html;
                stamp();
            }
        }).catch(function () {
            // Offline for a moment: the next tick tries again.
        });
    }

    var seconds = root && tbody && table ? parseInt(root.getAttribute('data-interval'), 10) : 0;
    if (seconds > 0 && window.fetch) {
        window.setInterval(refresh, seconds * 1000);
    }
})();
