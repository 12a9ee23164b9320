/*
 * What the patient page and the provider page share: their settings, signing in with the authorization-code flow and
 * PKCE entirely in the browser (a public client: nothing here is secret), calls with the token, the words for
 * statuses and refusals, and small helpers. Plain JavaScript, no framework, nothing from elsewhere.
 *
 * The access token is kept in the tab's sessionStorage only, under a key of the page's own: it goes when the tab
 * closes, and no other site or tab sees it. Its claims are read for display and for the caller's ids; the services
 * check the token itself.
 */
(() => {
    'use strict';

    const $ = (id) => document.getElementById(id);

    const STATUS_TEXT = {
        REQUESTED: 'Requested: waiting for the provider to confirm',
        CONFIRMED: 'Confirmed',
        COMPLETED: 'Completed',
        NO_SHOW: 'Missed',
        DECLINED: 'Declined by the provider',
        EXPIRED: 'Expired: the provider did not confirm in time',
        CANCELLED: 'Cancelled'
    };

    /** A refusal in words; the outcome's own sentence follows when the reason alone says too little. */
    const REASON_TEXT = {
        SLOT_UNAVAILABLE: 'That time was just taken by someone else.',
        ILLEGAL_TRANSITION: 'That is no longer possible for this appointment in its current state.',
        CHANGED_CONCURRENTLY: 'The appointment was changing at the same moment; please try again.',
        OUTSIDE_SCHEDULE: 'The provider does not see patients at that time.',
        TOO_SHORT_NOTICE: 'That is too short notice for this provider.',
        TOO_FAR_AHEAD: 'That is too far ahead for this provider.',
        IN_THE_PAST: 'That time has already passed.',
        MISALIGNED: 'That is not one of the provider\'s start times.',
        INVALID_DURATION: 'That length of appointment is not possible with this provider.',
        UNKNOWN_PROVIDER: 'There is no such provider.',
        UNKNOWN_PATIENT: 'Your patient record is missing: save your details first.',
        UNKNOWN_APPOINTMENT: 'There is no such appointment.',
        DUPLICATE_REQUEST_ID: 'That request was already used for something else; please try again.',
        ALREADY_STARTED: 'The appointment has already begun, so it can no longer be moved or cancelled.',
        INSIDE_CANCELLATION_NOTICE: 'That is inside the provider\'s cancellation notice.',
        NOT_STARTED_YET: 'The appointment has not started yet.',
        INVALID: 'Something in the request is not right.'
    };

    /** Thrown when the token is missing or was refused: the page has already asked to sign in again. */
    class SignedOut extends Error {
    }

    async function loadConfig() {
        const response = await fetch('patient-page/config', { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            throw new Error('HTTP ' + response.status);
        }
        const settings = await response.json();
        settings.requestServiceUrl = String(settings.requestServiceUrl).replace(/\/+$/, '');
        return settings;
    }

    /**
     * The signing in of one page.
     *
     * @param options.key the sessionStorage key of the page's token
     * @param options.redirectUri where the authorization server sends the browser back: the page's own address
     * @param options.accept(claims) why these claims can't use the page (a sentence), or null when they can
     * @param options.onChange() called when the caller signs in or out
     */
    function signing(config, options) {
        const pendingKey = options.key + '.sign-in';
        let session = null;

        async function signIn(carry) {
            const verifier = randomText(32);
            const state = randomText(16);
            sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, redirectUri: options.redirectUri,
                carry: carry || null }));
            const authorize = new URL(config.authorizationEndpoint, window.location.href);
            authorize.search = new URLSearchParams({
                response_type: 'code',
                client_id: config.clientId,
                redirect_uri: options.redirectUri,
                scope: config.scope,
                state,
                code_challenge: await s256(verifier),
                code_challenge_method: 'S256'
            }).toString();
            window.location.assign(authorize.href);
        }

        /** Finishes a sign-in the address bar brings back; returns what signIn was given to carry, if anything. */
        async function finish() {
            const params = new URLSearchParams(window.location.search);
            if (!params.has('code') && !params.has('error')) {
                return null;
            }
            const pending = JSON.parse(sessionStorage.getItem(pendingKey) || 'null');
            sessionStorage.removeItem(pendingKey);
            // The code is good for one exchange only: keep it out of the address bar, the history and bookmarks.
            window.history.replaceState(null, '', window.location.pathname);
            if (params.has('error')) {
                say('Sign-in failed: ' + (params.get('error_description') || params.get('error')), 'error');
                return null;
            }
            if (!pending || pending.state !== params.get('state')) {
                say('Sign-in failed: that answer was not for this tab. Please sign in again.', 'error');
                return null;
            }
            let token;
            try {
                const response = await fetch(config.tokenEndpoint, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
                    body: new URLSearchParams({
                        grant_type: 'authorization_code',
                        code: params.get('code'),
                        redirect_uri: pending.redirectUri,
                        client_id: config.clientId,
                        code_verifier: pending.verifier
                    })
                });
                if (!response.ok) {
                    say('Sign-in failed (HTTP ' + response.status + '). Please sign in again.', 'error');
                    return null;
                }
                token = await response.json();
            } catch (error) {
                say('Sign-in failed: the sign-in server could not be reached (' + error.message + ').', 'error');
                return null;
            }
            const claims = jwtClaims(token.access_token);
            const refusal = options.accept(claims);
            if (refusal) {
                say(refusal, 'error');
                return null;
            }
            sessionStorage.setItem(options.key, JSON.stringify({
                accessToken: token.access_token,
                expiresAt: Date.now() + (token.expires_in || 300) * 1000,
                subject: claims.sub,
                patientId: claims.patient_id || null,
                providerIds: [].concat(claims.provider_id || [])
            }));
            say('You are signed in.', 'ok');
            return pending.carry;
        }

        function load() {
            const stored = JSON.parse(sessionStorage.getItem(options.key) || 'null');
            if (!stored || stored.expiresAt <= Date.now()) {
                sessionStorage.removeItem(options.key);
                session = null;
            } else {
                session = stored;
            }
            return session;
        }

        function signOut(message) {
            sessionStorage.removeItem(options.key);
            session = null;
            options.onChange();
            say(message, 'ok');
        }

        /** fetch with the bearer token; a refused or expired token signs the caller out. */
        async function call(url, init = {}) {
            if (!session || session.expiresAt <= Date.now()) {
                signOut('Your session has ended. Please sign in again.');
                throw new SignedOut();
            }
            const headers = Object.assign({
                Accept: 'application/json, application/problem+json',
                Authorization: 'Bearer ' + session.accessToken
            }, init.headers || {});
            const response = await fetch(url, Object.assign({}, init, { headers }));
            if (response.status === 401) {
                signOut('Your session has ended. Please sign in again.');
                throw new SignedOut();
            }
            return response;
        }

        /**
         * POSTs a command to the request-service and waits for its outcome (Prefer: wait), asking again with the same
         * Idempotency-Key while the answer is still 202, which has one effect however often it is sent.
         */
        async function command(path, body, attempts = 3) {
            const key = crypto.randomUUID();
            let response;
            for (let attempt = 1; attempt <= attempts; attempt++) {
                response = await call(config.requestServiceUrl + path, {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json', Prefer: 'wait=10', 'Idempotency-Key': key },
                    body: JSON.stringify(body || {})
                });
                if (response.status !== 202) {
                    break;
                }
            }
            return response;
        }

        return {
            signIn, finish, load, signOut, call, command,
            get session() {
                return session;
            }
        };
    }

    // ---- a page's start ---------------------------------------------------------------------------------------

    /**
     * What both pages do first: wire the sign-in and sign-out buttons, refuse to sign in outside a secure context,
     * load the settings, then finish a sign-in that is coming back from the authorization server.
     * {@code optionsFor(config)} gives the page's options for {@link signing}. Resolves to {config, auth}, for the
     * page to draw itself signed in or out, or to null when nobody can sign in here (the page says why).
     */
    async function startPage(optionsFor) {
        let auth = null;
        $('sign-in').addEventListener('click', () => auth.signIn().catch((error) => say(error.message, 'error')));
        $('sign-out').addEventListener('click', () => auth.signOut('You are signed out.'));
        if (!secureEnough()) {
            say('This page signs you in only over HTTPS (or on this computer, at http://127.0.0.1).', 'error');
            $('sign-in').disabled = true;
            return null;
        }
        let config;
        try {
            config = await loadConfig();
        } catch (error) {
            say('The page could not load its settings: ' + error.message, 'error');
            $('sign-in').disabled = true;
            return null;
        }
        auth = signing(config, optionsFor(config));
        await auth.finish();
        auth.load();
        return { config, auth };
    }

    /** Shows the parts of the page for a signed-in or a signed-out visitor, and who is signed in; true if someone is. */
    function showSession(session, who) {
        const signedIn = session !== null;
        $('signed-in').hidden = !signedIn;
        $('signed-out').hidden = signedIn;
        $('sign-in').hidden = signedIn;
        $('sign-out').hidden = !signedIn;
        $('who').hidden = !signedIn;
        $('who').textContent = signedIn ? who(session) : '';
        return signedIn;
    }

    /**
     * Opens a row under {@code row} that asks for an optional reason before a command that frees a slot (a patient
     * cancelling, a provider declining); only one such row is open at a time.
     */
    function askReason(row, { className, inputId, label, confirm, onConfirm }) {
        document.querySelectorAll('tr.reason-form').forEach((form) => form.remove());
        const form = document.createElement('tr');
        form.className = className + ' reason-form';
        const td = document.createElement('td');
        td.colSpan = row.cells.length;
        const text = document.createElement('label');
        text.htmlFor = inputId;
        text.textContent = label;
        const reason = document.createElement('input');
        reason.id = inputId;
        reason.maxLength = 500;
        td.append(text, ' ', reason, ' ',
            button(confirm, 'danger', () => onConfirm(reason.value.trim(), form)), ' ',
            button('Keep it', 'secondary', () => form.remove()));
        form.append(td);
        row.after(form);
        reason.focus();
    }

    /**
     * Writes the head of every table that names its columns in {@code data-columns} (comma-separated), with a last,
     * unnamed column for the rows' buttons: the pages' tables share their shape, and this says it once.
     */
    function tableHeads() {
        document.querySelectorAll('table[data-columns]').forEach((table) => {
            const row = document.createElement('tr');
            for (const name of table.dataset.columns.split(',').map((each) => each.trim())) {
                const th = document.createElement('th');
                th.scope = 'col';
                th.textContent = name;
                row.append(th);
            }
            const actions = document.createElement('th');
            actions.scope = 'col';
            const hidden = document.createElement('span');
            hidden.className = 'visually-hidden';
            hidden.textContent = 'Actions';
            actions.append(hidden);
            row.append(actions);
            const head = document.createElement('thead');
            head.append(row);
            table.tHead?.remove();
            table.insertBefore(head, table.tBodies[0] || null);
        });
    }

    // ---- words ------------------------------------------------------------------------------------------------

    function statusBadge(status) {
        const badge = document.createElement('span');
        badge.className = 'status status-' + status.toLowerCase().replace('_', '-');
        badge.dataset.status = status;
        badge.textContent = STATUS_TEXT[status] ? STATUS_TEXT[status].split(':')[0] : status;
        return badge;
    }

    /** A refused request in words: the reason code's sentence, then the problem's own detail. */
    async function refusalText(response) {
        try {
            const problem = await response.json();
            const words = REASON_TEXT[problem.reason];
            const detail = problem.detail || problem.title || 'HTTP ' + response.status;
            return words ? words + ' (' + detail + ')' : detail;
        } catch (notJson) {
            return 'HTTP ' + response.status;
        }
    }

    function say(text, kind) {
        const notice = $('notice');
        notice.textContent = text;
        notice.className = 'notice ' + (kind || '');
        notice.hidden = !text;
    }

    function cell(content) {
        const td = document.createElement('td');
        if (content instanceof Node) {
            td.append(content);
        } else {
            td.textContent = content === undefined || content === null ? '' : content;
        }
        return td;
    }

    function button(text, className, onClick) {
        const element = document.createElement('button');
        element.type = 'button';
        element.className = className;
        element.textContent = text;
        element.addEventListener('click', onClick);
        return element;
    }

    function zoneName(timeZone) {
        return timeZone ? timeZone.replace(/_/g, ' ') : '';
    }

    function longDate(isoText) {
        const [year, month, day] = isoText.split('-').map(Number);
        return new Date(year, month - 1, day).toLocaleDateString(undefined,
            { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    }

    function isoDate(date) {
        return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
            + String(date.getDate()).padStart(2, '0');
    }

    function addDays(isoText, days) {
        const [year, month, day] = isoText.split('-').map(Number);
        return isoDate(new Date(year, month - 1, day + days));
    }

    /** The milliseconds of an ISO-8601 duration such as PT15M, PT24H or P90D. */
    function durationMillis(text) {
        const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text || '');
        if (!match) {
            return 0;
        }
        const [, days, hours, minutes, seconds] = match.map((part) => Number(part || 0));
        return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
    }

    // ---- PKCE -------------------------------------------------------------------------------------------------

    function randomText(bytes) {
        const random = new Uint8Array(bytes);
        crypto.getRandomValues(random);
        return base64Url(random);
    }

    async function s256(verifier) {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
        return base64Url(new Uint8Array(digest));
    }

    function base64Url(bytes) {
        let binary = '';
        bytes.forEach((byte) => { binary += String.fromCharCode(byte); });
        return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function jwtClaims(jwt) {
        try {
            const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            const binary = atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '='));
            return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
        } catch (unreadable) {
            return {};
        }
    }

    /** Whether the browser can sign in at all: PKCE needs crypto.subtle, which only secure contexts have. */
    function secureEnough() {
        return window.isSecureContext && window.crypto && window.crypto.subtle;
    }

    // Scripts are deferred: the document is parsed when this runs, before the page's own script.
    tableHeads();

    window.Pages = {
        $, STATUS_TEXT, REASON_TEXT, SignedOut, loadConfig, signing, startPage, showSession, askReason, statusBadge,
        refusalText, say, cell, button, zoneName, longDate, isoDate, addDays, durationMillis, secureEnough
    };
})();
