/*
 * The patient page. It signs the patient in with the authorization-code flow and PKCE, entirely in the browser (a
 * public client: nothing here is secret), lists her appointments, shows a provider's free times for a date, books one
 * at the request-service and follows the booking's status. Plain JavaScript, no framework, nothing from elsewhere.
 *
 * The access token is kept in this tab's sessionStorage only: it goes when the tab closes, and no other site or tab
 * sees it. Its claims are read for display and for the patient id; the services check the token itself.
 */
(() => {
    'use strict';

    const TOKEN_KEY = 'patient-page.token';
    const SIGN_IN_KEY = 'patient-page.sign-in';
    /** Prefer: wait=N on bookings, so the answer (booked, or the slot was taken) comes with the response. */
    const WAIT_SECONDS = 10;
    /** A booking not decided within the wait is asked about again, with the same requestId, this many times. */
    const BOOKING_ATTEMPTS = 3;
    /** How long a REQUESTED booking is followed; a provider who confirms by hand may take a while. */
    const FOLLOW_FOR_MS = 10 * 60 * 1000;

    const STATUS_TEXT = {
        REQUESTED: 'Requested: waiting for the provider to confirm',
        CONFIRMED: 'Confirmed',
        COMPLETED: 'Completed',
        NO_SHOW: 'Missed',
        DECLINED: 'Declined by the provider',
        EXPIRED: 'Expired: the provider did not confirm in time',
        CANCELLED: 'Cancelled'
    };

    const $ = (id) => document.getElementById(id);

    let config = null;
    let session = null;
    let following = null;

    /** Thrown when the token is missing or was refused: the page has already asked the patient to sign in again. */
    class SignedOut extends Error {
    }

    // ---- start ------------------------------------------------------------------------------------------------

    async function start() {
        $('sign-in').addEventListener('click', () => signIn().catch((error) => say(error.message, 'error')));
        $('sign-out').addEventListener('click', () => signOut('You are signed out.'));
        $('slot-search').addEventListener('submit', (event) => {
            event.preventDefault();
            showSlots();
        });
        $('refresh-appointments').addEventListener('click', () => loadAppointments());

        if (!window.isSecureContext || !window.crypto || !window.crypto.subtle) {
            say('This page signs you in only over HTTPS (or on this computer, at http://127.0.0.1).', 'error');
            $('sign-in').disabled = true;
            return;
        }
        try {
            config = await loadConfig();
        } catch (error) {
            say('The page could not load its settings: ' + error.message, 'error');
            $('sign-in').disabled = true;
            return;
        }
        fillProviders(config.providers || []);
        $('date').min = isoDate(daysFromToday(1));
        $('date').value = isoDate(firstWeekdayFrom(daysFromToday(2)));

        const params = new URLSearchParams(window.location.search);
        if (params.has('code') || params.has('error')) {
            await finishSignIn(params);
        }
        session = loadSession();
        render();
        if (session) {
            loadAppointments();
        }
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

    // ---- sign-in: authorization code with PKCE ----------------------------------------------------------------

    async function signIn() {
        const verifier = randomText(32);
        const state = randomText(16);
        const redirectUri = config.redirectUri || new URL('./', window.location.href).href;
        sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({ verifier, state, redirectUri }));
        const authorize = new URL(config.authorizationEndpoint, window.location.href);
        authorize.search = new URLSearchParams({
            response_type: 'code',
            client_id: config.clientId,
            redirect_uri: redirectUri,
            scope: config.scope,
            state,
            code_challenge: await s256(verifier),
            code_challenge_method: 'S256'
        }).toString();
        window.location.assign(authorize.href);
    }

    async function finishSignIn(params) {
        const pending = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || 'null');
        sessionStorage.removeItem(SIGN_IN_KEY);
        // The code is good for one exchange only: keep it out of the address bar, the history and bookmarks.
        window.history.replaceState(null, '', window.location.pathname);
        if (params.has('error')) {
            say('Sign-in failed: ' + (params.get('error_description') || params.get('error')), 'error');
            return;
        }
        if (!pending || pending.state !== params.get('state')) {
            say('Sign-in failed: that answer was not for this tab. Please sign in again.', 'error');
            return;
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
                return;
            }
            token = await response.json();
        } catch (error) {
            say('Sign-in failed: the sign-in server could not be reached (' + error.message + ').', 'error');
            return;
        }
        const claims = jwtClaims(token.access_token);
        if (!claims.patient_id) {
            say('You are signed in, but not as a patient: this account has no patient id.', 'error');
            return;
        }
        sessionStorage.setItem(TOKEN_KEY, JSON.stringify({
            accessToken: token.access_token,
            expiresAt: Date.now() + (token.expires_in || 300) * 1000,
            patientId: claims.patient_id,
            subject: claims.sub
        }));
        say('You are signed in.', 'ok');
    }

    function loadSession() {
        const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
        if (!stored || stored.expiresAt <= Date.now()) {
            sessionStorage.removeItem(TOKEN_KEY);
            return null;
        }
        return stored;
    }

    function signOut(message) {
        sessionStorage.removeItem(TOKEN_KEY);
        session = null;
        stopFollowing();
        render();
        say(message, 'ok');
    }

    function render() {
        const signedIn = session !== null;
        $('signed-in').hidden = !signedIn;
        $('signed-out').hidden = signedIn;
        $('sign-in').hidden = signedIn;
        $('sign-out').hidden = !signedIn;
        $('who').hidden = !signedIn;
        $('who').textContent = signedIn ? 'Signed in as ' + session.subject + ' (patient ' + session.patientId + ')' : '';
        if (!signedIn) {
            $('slots').hidden = true;
            $('booking').hidden = true;
            $('slot-list').replaceChildren();
            $('appointments').querySelector('tbody').replaceChildren();
        }
    }

    /** fetch with the bearer token; a refused or expired token signs the patient out. */
    async function call(url, options = {}) {
        if (!session || session.expiresAt <= Date.now()) {
            signOut('Your session has ended. Please sign in again.');
            throw new SignedOut();
        }
        const headers = Object.assign({
            Accept: 'application/json, application/problem+json',
            Authorization: 'Bearer ' + session.accessToken
        }, options.headers || {});
        const response = await fetch(url, Object.assign({}, options, { headers }));
        if (response.status === 401) {
            signOut('Your session has ended. Please sign in again.');
            throw new SignedOut();
        }
        return response;
    }

    // ---- my appointments --------------------------------------------------------------------------------------

    async function loadAppointments() {
        const summary = $('appointments-summary');
        try {
            const today = isoDate(new Date());
            const response = await call('api/appointments?patientId=' + encodeURIComponent(session.patientId)
                + '&from=' + today + '&limit=50');
            if (!response.ok) {
                summary.textContent = 'Your appointments could not be loaded: ' + await problemText(response);
                return;
            }
            const page = await response.json();
            const rows = page.items.map((appointment) => {
                const row = document.createElement('tr');
                row.dataset.appointmentId = appointment.appointmentId;
                row.append(cell(appointment.appointmentDate), cell(appointment.startTime + ' ' + zoneName(appointment.timeZone)),
                    cell(appointment.providerId));
                const status = document.createElement('td');
                status.append(statusBadge(appointment.status));
                row.append(status);
                return row;
            });
            $('appointments').querySelector('tbody').replaceChildren(...rows);
            $('appointments').hidden = rows.length === 0;
            summary.textContent = rows.length === 0 ? 'You have no appointments from today on.'
                : rows.length === 1 ? 'One appointment.' : rows.length + ' appointments.';
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                summary.textContent = 'Your appointments could not be loaded: ' + error.message;
            }
        }
    }

    // ---- free times -------------------------------------------------------------------------------------------

    async function showSlots() {
        const providerId = $('provider').value.trim();
        const date = $('date').value;
        const summary = $('slots-summary');
        const list = $('slot-list');
        $('slots').hidden = false;
        list.replaceChildren();
        if (!providerId || !date) {
            summary.textContent = 'Choose a provider and a date first.';
            return;
        }
        summary.textContent = 'Looking for free times…';
        try {
            const response = await call('api/providers/' + encodeURIComponent(providerId) + '/slots?date='
                + encodeURIComponent(date));
            if (response.status === 404) {
                summary.textContent = 'There is no provider "' + providerId + '". Check the name and try again.';
                return;
            }
            if (!response.ok) {
                summary.textContent = 'The free times could not be loaded: ' + await problemText(response);
                return;
            }
            const day = await response.json();
            const buttons = day.slots.map((slot) => {
                const item = document.createElement('li');
                const button = document.createElement('button');
                button.type = 'button';
                button.className = 'slot';
                button.dataset.time = slot.startTime;
                button.textContent = slot.startTime;
                button.setAttribute('aria-label', 'Book ' + slot.startTime);
                button.addEventListener('click', () => book(providerId, date, slot.startTime, day.timeZone, button));
                item.append(button);
                return item;
            });
            list.replaceChildren(...buttons);
            summary.textContent = buttons.length === 0
                ? 'No free times with ' + providerId + ' on ' + longDate(date) + '. Try another date.'
                : buttons.length + ' free times with ' + providerId + ' on ' + longDate(date) + ', in the provider\'s '
                    + 'time zone (' + zoneName(day.timeZone) + '). Choose one to book it.';
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                summary.textContent = 'The free times could not be loaded: ' + error.message;
            }
        }
    }

    // ---- booking ----------------------------------------------------------------------------------------------

    async function book(providerId, date, time, timeZone, button) {
        stopFollowing();
        const what = { providerId, date, time, timeZone };
        setSlotsDisabled(true);
        showBooking(what, null, 'Booking ' + describe(what) + '…');
        // A new requestId per click; the same one for the repeats below, which the intake answers idempotently.
        const requestId = crypto.randomUUID();
        try {
            let response;
            for (let attempt = 1; attempt <= BOOKING_ATTEMPTS; attempt++) {
                response = await call(config.requestServiceUrl + '/api/appointment-requests', {
                    method: 'POST',
                    headers: { 'Content-Type': 'application/json', Prefer: 'wait=' + WAIT_SECONDS },
                    body: JSON.stringify({
                        requestId,
                        providerId,
                        patientId: session.patientId,
                        appointmentDate: date,
                        startTime: time
                    })
                });
                if (response.status !== 202) {
                    break;
                }
            }
            if (response.status === 201) {
                const outcome = await response.json();
                takeSlotOff(button);
                showBooking(what, 'REQUESTED', bookedText(what, 'REQUESTED'));
                follow(outcome.appointmentId, what);
                loadAppointments();
            } else if (response.status === 409) {
                takeSlotOff(button);
                showBooking(what, 'TAKEN', 'That slot was just taken: ' + describe(what)
                    + ' is no longer free. Please choose another time.');
                loadAppointments();
            } else if (response.status === 422) {
                showBooking(what, 'REFUSED', 'This time cannot be booked: ' + await problemText(response));
                loadAppointments();
            } else if (response.status === 202) {
                showBooking(what, 'QUEUED', 'Your booking of ' + describe(what) + ' is queued but not decided yet. '
                    + 'It will appear under My appointments once it is.');
            } else {
                showBooking(what, 'FAILED', 'The booking failed: ' + await problemText(response));
            }
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                showBooking(what, 'FAILED', 'The booking could not be sent: ' + error.message);
            }
        } finally {
            setSlotsDisabled(false);
        }
    }

    /** Reads the appointment until the provider's decision is in: often at once, later for a manual provider. */
    function follow(appointmentId, what) {
        const startedAt = Date.now();
        const tick = async () => {
            let status = null;
            try {
                const response = await call('api/appointments/' + encodeURIComponent(appointmentId));
                if (response.ok) {
                    status = (await response.json()).status;
                    showBooking(what, status, bookedText(what, status));
                }
            } catch (error) {
                if (error instanceof SignedOut) {
                    return;
                }
            }
            if (status !== null && status !== 'REQUESTED') {
                following = null;
                loadAppointments();
                return;
            }
            const elapsed = Date.now() - startedAt;
            following = elapsed < FOLLOW_FOR_MS ? setTimeout(tick, elapsed < 30000 ? 1000 : 5000) : null;
        };
        following = setTimeout(tick, 0);
    }

    function stopFollowing() {
        if (following !== null) {
            clearTimeout(following);
            following = null;
        }
    }

    function showBooking(what, state, text) {
        const status = $('booking-status');
        $('booking').hidden = false;
        $('booking').dataset.state = state || 'PENDING';
        status.replaceChildren();
        if (STATUS_TEXT[state]) {
            status.append(statusBadge(state), ' ');
        }
        status.append(text);
    }

    function bookedText(what, status) {
        switch (status) {
            case 'REQUESTED':
                return 'Booked: ' + describe(what) + '. Waiting for the provider to confirm.';
            case 'CONFIRMED':
                return 'Booked and confirmed: ' + describe(what) + '.';
            default:
                return describe(what) + ': ' + (STATUS_TEXT[status] || status) + '.';
        }
    }

    function takeSlotOff(button) {
        const item = button.closest('li');
        if (item) {
            item.remove();
        }
    }

    function setSlotsDisabled(disabled) {
        document.querySelectorAll('#slot-list button').forEach((each) => { each.disabled = disabled; });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    function fillProviders(providers) {
        $('provider-list').replaceChildren(...providers.map((id) => {
            const option = document.createElement('option');
            option.value = id;
            return option;
        }));
        if (providers.length > 0 && !$('provider').value) {
            $('provider').value = providers[0];
        }
    }

    function statusBadge(status) {
        const badge = document.createElement('span');
        badge.className = 'status status-' + status.toLowerCase().replace('_', '-');
        badge.dataset.status = status;
        badge.textContent = STATUS_TEXT[status] ? STATUS_TEXT[status].split(':')[0] : status;
        return badge;
    }

    function cell(text) {
        const td = document.createElement('td');
        td.textContent = text;
        return td;
    }

    function describe(what) {
        return what.time + ' on ' + longDate(what.date) + ' with ' + what.providerId
            + (what.timeZone ? ' (' + zoneName(what.timeZone) + ')' : '');
    }

    function zoneName(timeZone) {
        return timeZone ? timeZone.replace(/_/g, ' ') : '';
    }

    function longDate(isoText) {
        const [year, month, day] = isoText.split('-').map(Number);
        return new Date(year, month - 1, day).toLocaleDateString(undefined,
            { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
    }

    async function problemText(response) {
        try {
            const problem = await response.json();
            return problem.detail || problem.title || 'HTTP ' + response.status;
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

    function daysFromToday(days) {
        const date = new Date();
        date.setDate(date.getDate() + days);
        return date;
    }

    function firstWeekdayFrom(date) {
        while (date.getDay() === 0 || date.getDay() === 6) {
            date.setDate(date.getDate() + 1);
        }
        return date;
    }

    function isoDate(date) {
        return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
            + String(date.getDate()).padStart(2, '0');
    }

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

    start();
})();
