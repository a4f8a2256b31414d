/*
 * Login Log page: the per-day chart, the user search of the filter form and the confirmation of "Clear log".
 * Reads everything from data- attributes of #login-security-log; no inline script, no HTML built from data.
 */
(function () {
    'use strict';

    function ready(fn) {
        if (document.readyState !== 'loading') {
            fn();
        } else {
            document.addEventListener('DOMContentLoaded', fn);
        }
    }

    function parseJson(text, fallback) {
        try {
            return JSON.parse(text);
        } catch (e) {
            return fallback;
        }
    }

    /* Perfex's admin bundle already has Chart.js; load the copy it ships only when it is missing. */
    function withChartJs(url, callback) {
        if (window.Chart) {
            callback(window.Chart);
            return;
        }
        if (!url) {
            return;
        }
        var script = document.createElement('script');
        script.src = url;
        script.onload = function () {
            if (window.Chart) {
                callback(window.Chart);
            }
        };
        document.head.appendChild(script);
    }

    function chartOptions(Chart) {
        var major = parseInt(String(Chart.version || '2').split('.')[0], 10);
        var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        var days = {autoSkip: true, autoSkipPadding: 12, maxRotation: 0};
        var options = {responsive: true, maintainAspectRatio: false};
        if (still) {
            options.animation = major >= 3 ? false : {duration: 0};
        }
        if (major >= 3) {
            options.scales = {x: {ticks: days}, y: {beginAtZero: true, ticks: {precision: 0}}};
            options.interaction = {mode: 'index', intersect: false};
            options.plugins = {legend: {position: 'bottom'}, tooltip: {callbacks: {title: function (items) {
                return items.length ? items[0].chart.data.days[items[0].dataIndex] : '';
            }}}};
        } else {
            options.scales = {
                xAxes: [{ticks: days, gridLines: {display: false}}],
                yAxes: [{
                    ticks: {
                        beginAtZero: true,
                        callback: function (value) {
                            return Math.floor(value) === value ? value : null;
                        }
                    }
                }]
            };
            options.legend = {position: 'bottom'};
            options.tooltips = {mode: 'index', intersect: false, callbacks: {title: function (items, data) {
                return items.length ? data.days[items[0].index] : '';
            }}};
        }
        return options;
    }

    /* "YYYY-MM-DD" → a short day in the reader's language ("Nov 3"); the tooltip keeps the full date. */
    function shortDay(day) {
        var parts = String(day).split('-');
        if (parts.length !== 3 || !window.Intl || !Intl.DateTimeFormat) {
            return String(day).slice(5);
        }
        var date = new Date(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]));
        return new Intl.DateTimeFormat(undefined, {month: 'short', day: 'numeric', timeZone: 'UTC'}).format(date);
    }

    function dataset(label, values, color) {
        return {
            label: label,
            data: values,
            backgroundColor: color,
            borderColor: color,
            borderWidth: 0,
            maxBarThickness: 18
        };
    }

    /* Bars side by side per day: overlapping lines would hide a day whose successes and failures are equal. */
    function drawChart(root) {
        var canvas = document.getElementById('login-security-chart');
        var data = canvas ? parseJson(canvas.getAttribute('data-chart'), null) : null;
        if (!data || !data.labels) {
            return;
        }
        withChartJs(root.getAttribute('data-chartjs-url'), function (Chart) {
            canvas.loginSecurityChart = new Chart(canvas.getContext('2d'), {
                type: 'bar',
                data: {
                    labels: data.labels.map(shortDay),
                    days: data.labels,
                    datasets: [
                        dataset(data.successLabel, data.success, '#16a34a'),
                        dataset(data.failedLabel, data.failed, '#dc2626')
                    ]
                },
                options: chartOptions(Chart)
            });
        });
    }

    function userSearch(root) {
        var input = document.getElementById('login-security-user-search');
        var hidden = document.getElementById('login-security-user');
        var list = document.getElementById('login-security-user-results');
        if (!input || !hidden || !list) {
            return;
        }
        var url = root.getAttribute('data-users-url') || '';
        var noUsers = root.getAttribute('data-no-users') || '';
        var chosenLabel = input.value;
        var timer = null;
        var sequence = 0;

        function close() {
            list.style.display = 'none';
            input.setAttribute('aria-expanded', 'false');
        }

        function choose(user) {
            hidden.value = user.key;
            input.value = user.label;
            chosenLabel = user.label;
            close();
            input.focus();
        }

        function item(text, user) {
            var li = document.createElement('li');
            var node = document.createElement(user ? 'a' : 'span');
            node.textContent = text;
            if (user) {
                li.setAttribute('role', 'option');
                node.href = '#';
                node.setAttribute('data-user-key', user.key);
                node.addEventListener('click', function (event) {
                    event.preventDefault();
                    choose(user);
                });
            } else {
                li.className = 'disabled';
            }
            li.appendChild(node);
            return li;
        }

        function render(users) {
            while (list.firstChild) {
                list.removeChild(list.firstChild);
            }
            users.forEach(function (user) {
                if (user && typeof user.key === 'string' && typeof user.label === 'string') {
                    list.appendChild(item(user.label, user));
                }
            });
            if (!list.firstChild) {
                list.appendChild(item(noUsers, null));
            }
            list.style.display = 'block';
            input.setAttribute('aria-expanded', 'true');
        }

        function search(term) {
            var mine = ++sequence;
            var xhr = new XMLHttpRequest();
            xhr.open('GET', url + (url.indexOf('?') === -1 ? '?' : '&') + 'q=' + encodeURIComponent(term));
            xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
            xhr.onload = function () {
                if (mine !== sequence || xhr.status !== 200) {
                    return;
                }
                var data = parseJson(xhr.responseText, null);
                render(data && Array.isArray(data.users) ? data.users : []);
            };
            xhr.send();
        }

        function links() {
            return Array.prototype.slice.call(list.querySelectorAll('a'));
        }

        input.addEventListener('input', function () {
            if (input.value !== chosenLabel) {
                hidden.value = '';
            }
            clearTimeout(timer);
            var term = input.value.trim();
            if (term === '') {
                close();
                return;
            }
            timer = setTimeout(function () {
                search(term);
            }, 250);
        });

        input.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                close();
            } else if (event.key === 'ArrowDown' && links().length) {
                event.preventDefault();
                links()[0].focus();
            }
        });

        list.addEventListener('keydown', function (event) {
            var all = links();
            var index = all.indexOf(document.activeElement);
            if (event.key === 'ArrowDown' && index < all.length - 1) {
                event.preventDefault();
                all[index + 1].focus();
            } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                (index > 0 ? all[index - 1] : input).focus();
            } else if (event.key === 'Escape') {
                close();
                input.focus();
            }
        });

        document.addEventListener('click', function (event) {
            if (event.target !== input && !list.contains(event.target)) {
                close();
            }
        });
    }

    /* A form whose submit button carries data-confirm asks before it is sent. */
    function confirmForms(root) {
        Array.prototype.forEach.call(root.querySelectorAll('form'), function (form) {
            var button = form.querySelector('[data-confirm]');
            if (!button) {
                return;
            }
            form.addEventListener('submit', function (event) {
                if (!window.confirm(button.getAttribute('data-confirm'))) {
                    event.preventDefault();
                }
            });
        });
    }

    ready(function () {
        var root = document.getElementById('login-security-log');
        if (!root) {
            return;
        }
        drawChart(root);
        userSearch(root);
        confirmForms(root);
    });
}());
