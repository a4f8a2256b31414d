/*
 * Inactivity Logout: the warning dialog, used by inactivity_logout.js (loaded right after this file). A centred
 * alertdialog with the admin's message, a countdown that screen readers hear (aria-live), "Sign out now" and "Stay
 * signed in". Focus moves into it and stays there; Enter and Space press the focused button; Esc and any other key
 * mean "stay". Text is set with textContent only: nothing from the configuration is parsed as HTML.
 */
(function () {
    'use strict';

    function element(tag, className, text) {
        var node = document.createElement(tag);
        node.className = className;
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    /**
     * @param texts {title, stay, signOut, seconds, countdown} — countdown holds "%s" for the seconds
     * @param onStay called for "Stay signed in", Esc and other keys
     * @param onSignOut called for "Sign out now"
     */
    window.LoginSecurityInactivityDialog = function (texts, onStay, onSignOut) {
        var ui = null;
        var shown = false;
        var said = null;
        var returnFocus = null;

        function build() {
            var backdrop = element('div', 'ls-idle-backdrop');
            var box = element('div', 'ls-idle-dialog');
            var title = element('h2', 'ls-idle-title', texts.title);
            var message = element('p', 'ls-idle-message', '');
            var ring = element('div', 'ls-idle-countdown');
            var seconds = element('span', 'ls-idle-seconds', '');
            var live = element('p', 'ls-idle-live');
            var actions = element('div', 'ls-idle-actions');
            var signOut = element('button', 'btn btn-default ls-idle-signout', texts.signOut);
            var stay = element('button', 'btn btn-primary ls-idle-stay', texts.stay);

            backdrop.hidden = true;
            box.id = 'login-security-inactivity-dialog';
            title.id = 'login-security-inactivity-title';
            message.id = 'login-security-inactivity-message';
            live.id = 'login-security-inactivity-live';
            box.setAttribute('role', 'alertdialog');
            box.setAttribute('aria-modal', 'true');
            box.setAttribute('aria-labelledby', title.id);
            box.setAttribute('aria-describedby', message.id + ' ' + live.id);
            live.setAttribute('aria-live', 'polite');
            live.setAttribute('aria-atomic', 'true');
            ring.setAttribute('aria-hidden', 'true');
            signOut.type = 'button';
            stay.type = 'button';

            ring.appendChild(seconds);
            ring.appendChild(element('span', 'ls-idle-unit', texts.seconds));
            actions.appendChild(signOut);
            actions.appendChild(stay);
            [ring, title, message, live, actions].forEach(function (node) { box.appendChild(node); });
            backdrop.appendChild(box);
            document.body.appendChild(backdrop);

            stay.addEventListener('click', function () { onStay(); });
            signOut.addEventListener('click', function () { onSignOut(); });
            box.addEventListener('keydown', key);
            /* Focus cannot leave the open dialog. */
            document.addEventListener('focusin', function (event) {
                if (shown && !box.contains(event.target)) {
                    stay.focus();
                }
            });

            return { backdrop: backdrop, box: box, message: message, seconds: seconds, live: live, stay: stay, signOut: signOut };
        }

        function key(event) {
            var name = event.key;
            if (name === 'Tab') {
                event.preventDefault();
                (document.activeElement === ui.stay ? ui.signOut : ui.stay).focus();
                return;
            }
            if (name === 'Shift' || name === 'Control' || name === 'Alt' || name === 'Meta') {
                return;
            }
            event.preventDefault();
            event.stopPropagation();
            if ((name === 'Enter' || name === ' ') && document.activeElement === ui.signOut) {
                onSignOut();
            } else {
                onStay();
            }
        }

        return {
            /* Opens the dialog (focus moves in) or updates it: the seconds left and the message. */
            show: function (secondsLeft, message) {
                ui = ui || build();
                ui.message.textContent = message;
                if (!shown) {
                    shown = true;
                    said = null;
                    returnFocus = document.activeElement;
                    ui.backdrop.hidden = false;
                    document.documentElement.classList.add('ls-idle-open');
                    ui.stay.focus();
                }
                ui.seconds.textContent = String(secondsLeft);
                /* Screen readers hear the countdown when it opens, every 10 s, and each of the last 5 s. */
                if (said !== secondsLeft && (said === null || secondsLeft % 10 === 0 || secondsLeft <= 5)) {
                    said = secondsLeft;
                    ui.live.textContent = texts.countdown.replace('%s', String(secondsLeft));
                }
            },

            hide: function (restoreFocus) {
                if (!shown) {
                    return;
                }
                shown = false;
                ui.backdrop.hidden = true;
                ui.live.textContent = '';
                document.documentElement.classList.remove('ls-idle-open');
                if (restoreFocus && returnFocus && returnFocus.focus && document.contains(returnFocus)) {
                    returnFocus.focus();
                }
            },

            isShown: function () {
                return shown;
            },

            /* The dialog handles its own keys and buttons. */
            handles: function (event) {
                if (!ui) {
                    return false;
                }
                return event.type === 'keydown' ? ui.box.contains(event.target)
                    : ui.stay.contains(event.target) || ui.signOut.contains(event.target);
            }
        };
    };
}());
