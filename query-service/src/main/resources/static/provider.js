/*
 * The provider page: signs a provider in (pages.js), shows the bookings waiting for its confirmation with the time
 * each hold runs out, confirms or declines them (with a reason for the patient), shows a day's calendar where a
 * confirmed appointment is marked completed or missed, and edits the provider's booking rules conditionally on the
 * version read (If-Match). Every command goes to the request-service with an Idempotency-Key and Prefer: wait, so the
 * answer is the outcome, and every refusal is shown in words.
 */
(() => {
    'use strict';

    const { $, SignedOut, statusBadge, refusalText, say, cell, button, zoneName, longDate, isoDate, addDays,
        durationMillis } = window.Pages;

    let config = null;
    let auth = null;
    /** The rules' ETag as read, sent back as If-Match. */
    let rulesTag = null;
    /** The rules as read: the form edits some fields, the others are sent back unchanged. */
    let rules = null;

    async function start() {
        $('provider-id').addEventListener('change', () => loadAll());
        $('refresh-holds').addEventListener('click', () => loadHolds());
        $('day-form').addEventListener('submit', (event) => {
            event.preventDefault();
            loadDay();
        });
        $('rules-form').addEventListener('submit', (event) => {
            event.preventDefault();
            saveRules();
        });
        $('day').value = isoDate(new Date());
        const started = await window.Pages.startPage((settings) => ({
            key: 'provider-page.token',
            redirectUri: new URL('provider', settings.redirectUri || new URL('./', window.location.href)).href,
            accept: (claims) => [].concat(claims.roles || []).includes('provider') && claims.provider_id
                ? null : 'You are signed in, but not as a provider: this account names no provider.',
            onChange: render
        }));
        if (!started) {
            return;
        }
        ({ config, auth } = started);
        render();
        if (auth.session) {
            loadAll();
        }
    }

    function render() {
        const session = auth ? auth.session : null;
        if (window.Pages.showSession(session, (who) => 'Signed in as ' + who.subject)) {
            const select = $('provider-id');
            const chosen = select.value;
            select.replaceChildren(...session.providerIds.map((id) => {
                const option = document.createElement('option');
                option.value = id;
                option.textContent = id;
                return option;
            }));
            if (session.providerIds.includes(chosen)) {
                select.value = chosen;
            }
        } else {
            $('holds').querySelector('tbody').replaceChildren();
            $('calendar').querySelector('tbody').replaceChildren();
        }
    }

    function provider() {
        return $('provider-id').value;
    }

    async function loadAll() {
        await loadRules();
        loadHolds();
        loadDay();
    }

    // ---- holds ------------------------------------------------------------------------------------------------

    async function loadHolds() {
        const summary = $('holds-summary');
        try {
            const response = await auth.call('api/appointments?providerId=' + encodeURIComponent(provider())
                + '&from=' + encodeURIComponent(new Date().toISOString()) + '&limit=200');
            if (!response.ok) {
                summary.textContent = 'The bookings could not be loaded: ' + await refusalText(response);
                return;
            }
            const holds = (await response.json()).items.filter((appointment) => appointment.status === 'REQUESTED');
            const timeout = rules ? durationMillis(rules.confirmationTimeout) : 0;
            const rows = holds.map((appointment) => {
                const row = document.createElement('tr');
                row.dataset.appointmentId = appointment.appointmentId;
                const deadline = holdDeadline(appointment, timeout);
                row.append(cell(appointment.appointmentDate), cell(appointment.startTime + '–' + appointment.endTime),
                    cell(appointment.patientId), cell(notes(appointment)), cell(deadline));
                const actions = document.createElement('td');
                actions.className = 'actions';
                actions.append(button('Confirm', 'confirm small', () => lifecycle(appointment, 'confirm', {})), ' ',
                    button('Decline', 'secondary decline small', () => askDecline(row, appointment)));
                row.append(actions);
                return row;
            });
            $('holds').querySelector('tbody').replaceChildren(...rows);
            $('holds').hidden = rows.length === 0;
            summary.textContent = rows.length === 0 ? 'No bookings are waiting for you.'
                : rows.length === 1 ? 'One booking waits for your confirmation.'
                    : rows.length + ' bookings wait for your confirmation.';
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                summary.textContent = 'The bookings could not be loaded: ' + error.message;
            }
        }
    }

    /** When the hold runs out: from its last move into REQUESTED, plus the provider's confirmation timeout. */
    function holdDeadline(appointment, timeout) {
        const since = appointment.history.filter((step) => step.to === 'REQUESTED').map((step) => step.at).pop()
            || appointment.updatedAt;
        const span = document.createElement('span');
        span.className = 'deadline';
        if (!timeout || !since) {
            span.textContent = 'soon';
            return span;
        }
        const deadline = new Date(new Date(since).getTime() + timeout);
        const minutes = Math.round((deadline.getTime() - Date.now()) / 60000);
        span.dataset.deadline = deadline.toISOString();
        span.textContent = deadline.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
            + (minutes > 0 ? ' (in ' + minutes + ' min)' : ' (running out)');
        return span;
    }

    function askDecline(row, appointment) {
        window.Pages.askReason(row, {
            className: 'decline-form',
            inputId: 'decline-reason',
            label: 'Reason for the patient (optional)',
            confirm: 'Decline booking',
            onConfirm: (reason, form) => lifecycle(appointment, 'decline', reason ? { reason } : {}, form)
        });
    }

    // ---- the day ----------------------------------------------------------------------------------------------

    async function loadDay() {
        const date = $('day').value;
        const summary = $('day-summary');
        if (!date) {
            summary.textContent = 'Choose a date.';
            return;
        }
        try {
            // The day is the provider's local date: read a UTC window around it and keep that date's appointments.
            const response = await auth.call('api/appointments?providerId=' + encodeURIComponent(provider())
                + '&from=' + addDays(date, -1) + '&to=' + addDays(date, 1) + '&limit=200');
            if (!response.ok) {
                summary.textContent = 'The day could not be loaded: ' + await refusalText(response);
                return;
            }
            const day = (await response.json()).items.filter((appointment) => appointment.appointmentDate === date);
            const rows = day.map((appointment) => {
                const row = document.createElement('tr');
                row.dataset.appointmentId = appointment.appointmentId;
                row.append(cell(appointment.startTime + '–' + appointment.endTime), cell(appointment.patientId),
                    cell(statusBadge(appointment.status)), cell(notes(appointment)), cell(appointment.reason || ''));
                const actions = document.createElement('td');
                actions.className = 'actions';
                if (appointment.status === 'CONFIRMED') {
                    actions.append(button('Completed', 'complete small', () => lifecycle(appointment, 'complete', {})),
                        ' ', button('No-show', 'secondary no-show small', () => lifecycle(appointment, 'no-show', {})));
                }
                row.append(actions);
                return row;
            });
            $('calendar').querySelector('tbody').replaceChildren(...rows);
            $('calendar').hidden = rows.length === 0;
            const zone = day.length > 0 ? ' (' + zoneName(day[0].timeZone) + ')' : '';
            summary.textContent = (rows.length === 0 ? 'Nothing booked on ' : rows.length + ' on ')
                + longDate(date) + zone + '.';
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                summary.textContent = 'The day could not be loaded: ' + error.message;
            }
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    const DONE = { confirm: 'Confirmed', decline: 'Declined', complete: 'Marked completed', 'no-show': 'Marked as missed' };

    async function lifecycle(appointment, action, body, form) {
        const status = $('provider-status');
        const what = appointment.startTime + ' on ' + longDate(appointment.appointmentDate);
        document.querySelectorAll('tr[data-appointment-id="' + CSS.escape(appointment.appointmentId) + '"] button')
            .forEach((each) => { each.disabled = true; });
        status.textContent = 'Sending…';
        try {
            const response = await auth.command('/api/appointments/' + encodeURIComponent(appointment.appointmentId)
                + '/' + action, body);
            if (response.status === 200) {
                status.textContent = DONE[action] + ': the appointment at ' + what + '.';
            } else if (response.status === 202) {
                status.textContent = 'Sent; not decided yet. Refresh in a moment.';
            } else {
                status.textContent = 'Not done for the appointment at ' + what + '. ' + await refusalText(response);
            }
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                status.textContent = 'Could not be sent: ' + error.message;
            }
        }
        if (form) {
            form.remove();
        }
        loadHolds();
        loadDay();
    }

    // ---- rules ------------------------------------------------------------------------------------------------

    const MINUTES = 60 * 1000;
    const HOURS = 60 * MINUTES;

    async function loadRules() {
        const status = $('rules-status');
        try {
            const response = await auth.call(config.requestServiceUrl + '/api/providers/'
                + encodeURIComponent(provider()) + '/rules');
            if (!response.ok) {
                rules = null;
                status.textContent = 'The rules could not be loaded: ' + await refusalText(response);
                return;
            }
            rulesTag = response.headers.get('ETag');
            const stored = await response.json();
            rules = stored.rules;
            fillRules(stored);
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                status.textContent = 'The rules could not be loaded: ' + error.message;
            }
        }
    }

    function fillRules(stored) {
        $('rules-name').value = stored.rules.name || '';
        $('rules-slot').value = stored.rules.slotMinutes;
        $('rules-buffer').value = stored.rules.bufferMinutes;
        $('rules-auto').checked = stored.rules.autoConfirm;
        $('rules-timeout').value = Math.round(durationMillis(stored.rules.confirmationTimeout) / MINUTES);
        $('rules-notice').value = Math.round(durationMillis(stored.rules.minimumNotice) / HOURS);
        $('rules-cancel').value = Math.round(durationMillis(stored.rules.cancellationNotice) / HOURS);
        $('rules-version').textContent = 'Version ' + stored.version + ', time zone ' + zoneName(stored.rules.timeZone)
            + '.';
    }

    async function saveRules() {
        if (!rules) {
            return;
        }
        const changed = Object.assign({}, rules, {
            name: $('rules-name').value.trim(),
            slotMinutes: Number($('rules-slot').value),
            bufferMinutes: Number($('rules-buffer').value),
            autoConfirm: $('rules-auto').checked,
            confirmationTimeout: 'PT' + Number($('rules-timeout').value) + 'M',
            minimumNotice: 'PT' + Number($('rules-notice').value) + 'H',
            cancellationNotice: 'PT' + Number($('rules-cancel').value) + 'H'
        });
        const status = $('rules-status');
        $('save-rules').disabled = true;
        try {
            const response = await auth.call(config.requestServiceUrl + '/api/providers/'
                + encodeURIComponent(provider()) + '/rules', {
                method: 'PUT',
                headers: { 'Content-Type': 'application/json', 'If-Match': rulesTag },
                body: JSON.stringify(changed)
            });
            if (response.ok) {
                rulesTag = response.headers.get('ETag');
                const stored = await response.json();
                rules = stored.rules;
                fillRules(stored);
                status.textContent = 'Saved. New bookings follow these rules now.';
            } else if (response.status === 412) {
                await loadRules();
                status.textContent = 'Someone changed the rules meanwhile: here they are again. Make your change once '
                    + 'more.';
            } else if (response.status === 400) {
                const problem = await response.json();
                status.textContent = 'Please check: ' + ((problem.violations || [])
                    .map((violation) => violation.field + ' ' + violation.message).join('; ') || problem.detail) + '.';
            } else {
                status.textContent = 'The rules could not be saved: ' + await refusalText(response);
            }
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                status.textContent = 'The rules could not be saved: ' + error.message;
            }
        } finally {
            $('save-rules').disabled = false;
        }
    }

    function notes(appointment) {
        const span = document.createElement('span');
        span.className = 'notes';
        span.textContent = appointment.notes || '';
        return span;
    }

    start();
})();
