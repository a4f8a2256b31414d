/*
 * Inactivity Logout: warns an idle user, then signs them out (Perfex's logout) and shows why on the login page.
 *
 * Configuration: the data- attributes of #login-security-inactivity (hooks/inactivity.php), re-read from its
 * data-config-url about once a minute. Time is judged from timestamps (Date.now), never from how many timers ran, so
 * a laptop that slept or a throttled background tab is judged right when it wakes. The tabs of one browser share
 * activity and logout (BroadcastChannel, else localStorage 'storage' events). Real input reaches the server as a
 * heartbeat, at most once a minute; timers alone never send one. The server stays the authority: it ends an idle
 * session on its next request even without this script. The warning itself is inactivity_dialog.js (loaded first).
 */
(function () {
    'use strict';

    var root = document.getElementById('login-security-inactivity');
    var Dialog = window.LoginSecurityInactivityDialog;
    if (!root || root.getAttribute('data-started') || !Dialog || !window.fetch) {
        return;
    }
    root.setAttribute('data-started', '1');

    var KEY = 'login_security_inactivity';
    var INPUT = ['mousemove', 'mousedown', 'click', 'keydown', 'wheel', 'scroll', 'touchstart', 'hashchange'];
    var HEARTBEAT_EVERY = 60000;
    var CONFIG_EVERY = 60000;
    var SHARE_EVERY = 1000;

    var data = root.dataset;
    var cfg = rule(data.enabled !== '0', data.timeoutSeconds, data.warningSeconds, data.message);
    var lastActivity = Date.now();
    var lastHeartbeat = Number(stored('hb')) || 0;
    var lastShared = 0;
    var shareTimer = null;
    var dueTimer = null;
    var signingOut = false;
    var channel = null;
    var dialog = new Dialog({ title: data.title, stay: data.stayLabel, signOut: data.signOutLabel,
        seconds: data.secondsLabel, countdown: data.countdown }, stay, function () { signOut(false); });

    /* The rule, from the page's data- attributes or the config endpoint's answer (times in ms). */
    function rule(enabled, timeoutSeconds, warningSeconds, message) {
        return {
            enabled: enabled,
            timeout: Math.max(1, Number(timeoutSeconds) || 900) * 1000,
            warning: Math.max(1, Number(warningSeconds) || 60) * 1000,
            message: String(message || '')
        };
    }

    /* --- shared state between the tabs ------------------------------------------------------------ */

    function stored(name) {
        try {
            return window.localStorage.getItem(KEY + '_' + name);
        } catch (e) {
            return null;
        }
    }

    function store(name, value) {
        try {
            window.localStorage.setItem(KEY + '_' + name, String(value));
        } catch (e) { /* storage off (private mode): each tab keeps its own state */ }
    }

    function post(message) {
        if (channel) {
            channel.postMessage(message);
        } else {
            store('msg', JSON.stringify({ m: message, n: Math.random() }));
        }
    }

    function receive(message) {
        if (!message || signingOut) {
            return;
        }
        if (message.type === 'activity' && message.at > lastActivity) {
            lastActivity = Math.min(message.at, Date.now());
            dialog.hide(false);
            check();
        } else if (message.type === 'logout') {
            confirmSignedOut(10);
        }
    }

    /* Another tab signed out: follow once the server says this session is gone (its logout may still be on its way). */
    function confirmSignedOut(attempts) {
        request(data.configUrl).then(function () {
            if (attempts > 1) {
                window.setTimeout(function () { confirmSignedOut(attempts - 1); }, 500);
            }
        }, signedOutElsewhere);
    }

    if (window.BroadcastChannel) {
        channel = new window.BroadcastChannel(KEY);
        channel.onmessage = function (event) { receive(event.data); };
    } else {
        window.addEventListener('storage', function (event) {
            if (event.key === KEY + '_msg' && event.newValue) {
                try {
                    receive(JSON.parse(event.newValue).m);
                } catch (e) { /* not ours */ }
            }
        });
    }

    /* Tells the other tabs about activity: at once, then at most once a second with a trailing update. */
    function share() {
        var now = Date.now();
        if (now - lastShared >= SHARE_EVERY) {
            lastShared = now;
            store('last', lastActivity);
            post({ type: 'activity', at: lastActivity });
        } else if (!shareTimer) {
            shareTimer = window.setTimeout(function () {
                shareTimer = null;
                share();
            }, SHARE_EVERY - (now - lastShared));
        }
    }

    /* --- requests ------------------------------------------------------------------------------------ */

    function request(url, body) {
        var init = { credentials: 'same-origin', redirect: 'manual', headers: { 'X-Requested-With': 'XMLHttpRequest' } };
        if (body !== undefined) {
            init.method = 'POST';
            init.headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
            init.body = body;
        }
        return window.fetch(url, init).then(function (response) {
            if (response.type === 'opaqueredirect' || response.status === 401) {
                throw new Error('signed-out');
            }
            return response.ok ? response.json() : null;
        });
    }

    /* The server signed this session out (an administrator, a ban, the server's own idle rule): show why. */
    function signedOutElsewhere(error) {
        if (error && error.message === 'signed-out' && !signingOut) {
            signingOut = true;
            window.location.replace(data.loginUrl);
        }
    }

    /* Perfex's CSRF field, added by hand (its $.ajaxSetup only covers jQuery). */
    function csrfBody() {
        return encodeURIComponent(data.csrfName) + '=' + encodeURIComponent(data.csrfHash);
    }

    function heartbeat(force) {
        var now = Date.now();
        lastHeartbeat = Math.max(lastHeartbeat, Number(stored('hb')) || 0);
        if (!force && now - lastHeartbeat < HEARTBEAT_EVERY) {
            return;
        }
        lastHeartbeat = now;
        store('hb', now);
        request(data.heartbeatUrl, csrfBody()).catch(signedOutElsewhere);
    }

    /* The rule as saved now (the config endpoint's answer, also part of a refused expiry). */
    function applyConfig(json) {
        if (json && typeof json.enabled === 'boolean') {
            cfg = rule(json.enabled, json.timeout_seconds, json.warning_seconds, json.message);
            check();
        }
    }

    function refreshConfig() {
        if (!signingOut) {
            request(data.configUrl).then(applyConfig).catch(signedOutElsewhere);
        }
    }

    /* --- the clock ---------------------------------------------------------------------------------- */

    function check() {
        window.clearTimeout(dueTimer);
        if (signingOut) {
            return;
        }
        if (!cfg.enabled) {
            dialog.hide(false);
            return;
        }
        var now = Date.now();
        var shared = Number(stored('last')) || 0;
        if (shared > lastActivity && shared <= now) {
            lastActivity = shared;
        }
        var left = lastActivity + cfg.timeout - now;
        if (left <= 0) {
            signOut(true);
            return;
        }
        var warnIn = left - Math.min(cfg.warning, cfg.timeout);
        if (warnIn > 0) {
            dialog.hide(false);
            dueTimer = window.setTimeout(check, warnIn);
            return;
        }
        dialog.show(Math.ceil(left / 1000), cfg.message);
        dueTimer = window.setTimeout(check, (left % 1000) || 1000);
    }

    function activity(event) {
        if (signingOut || !cfg.enabled || event.isTrusted === false) {
            return; /* events made by scripts are not the user's */
        }
        var shown = dialog.isShown();
        /* An open warning goes away on a click (not on the mousedown: the click must not reach the page behind) or
           a key only; the dialog handles its own keys and buttons. */
        if (shown && ((event.type !== 'click' && event.type !== 'keydown') || dialog.handles(event))) {
            return;
        }
        lastActivity = Date.now();
        share();
        heartbeat(false);
        if (shown) {
            dialog.hide(true);
            check();
        }
    }

    function stay() {
        lastActivity = Date.now();
        share();
        heartbeat(true);
        dialog.hide(true);
        check();
    }

    /*
     * Perfex's logout, then the login page; the other tabs follow once it is through. When the time ran out (idle),
     * the server first ends the session as idle (the Login Log records why, the login page says so), unless the
     * saved settings changed meanwhile and the time is not up under them: then the page goes on with those.
     */
    function signOut(idle) {
        if (signingOut) {
            return;
        }
        signingOut = true;
        dialog.hide(false);
        var done = function () {
            post({ type: 'logout' });
            window.location.replace(data.loginUrl);
        };
        var logout = function () {
            window.fetch(data.logoutUrl, { credentials: 'same-origin', redirect: 'manual' }).then(done, done);
        };
        if (!idle) {
            logout();
            return;
        }
        var idleSeconds = Math.floor((Date.now() - lastActivity) / 1000);
        request(data.expireUrl, csrfBody() + '&idle_seconds=' + idleSeconds).then(function (json) {
            if (json && json.expired === false) {
                applyConfig(json);
                if (!cfg.enabled || lastActivity + cfg.timeout > Date.now()) {
                    signingOut = false;
                    check();
                    return;
                }
            }
            logout();
        }, logout);
    }

    /* --- start ------------------------------------------------------------------------------------------- */

    INPUT.forEach(function (type) {
        window.addEventListener(type, activity, { capture: true, passive: true });
    });
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    window.addEventListener('pageshow', function (event) {
        if (event.persisted) { /* back to a page kept in memory: a navigation, so activity */
            lastActivity = Date.now();
            share();
        }
        check();
    });
    window.setInterval(check, 1000);
    window.setInterval(refreshConfig, CONFIG_EVERY);

    /* A sign-out through Perfex's own link ends the other tabs too. */
    document.addEventListener('click', function (event) {
        var link = event.target && event.target.closest ? event.target.closest('a[href]') : null;
        if (link && link.href === data.logoutUrl) {
            post({ type: 'logout' });
        }
    }, true);

    share(); /* opening a page is activity, for every tab */
    check();
}());
