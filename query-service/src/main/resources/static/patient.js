/*
 * The patient page: signs the patient in (pages.js), keeps her details, lists her upcoming and past appointments with
 * their status and reason, shows a provider's free times for a date, books one, moves an appointment to another free
 * time or cancels it with a reason, and follows each booking until the provider has decided. Every command goes to the
 * request-service with an Idempotency-Key and Prefer: wait, so the answer is the outcome, and every refusal is shown
 * in words.
 */
(() => {
    'use strict';

    const { $, STATUS_TEXT, SignedOut, statusBadge, refusalText, say, cell, button, zoneName, longDate, isoDate,
        addDays } = window.Pages;

    /** How long a REQUESTED booking is followed; a provider who confirms by hand may take a while. */
    const FOLLOW_FOR_MS = 10 * 60 * 1000;
    /** The appointment an e-mail's link names (?appointment=<id>), kept across the sign-in. */
    const FOCUS_KEY = 'patient-page.focus';
    /** How far back My appointments shows past ones. */
    const PAST_DAYS = 90;

    let config = null;
    let auth = null;
    let following = null;
    /** The record's ETag once it exists, for If-Match; null before it is created. */
    let detailsTag = null;
    /** The appointment being moved, while the patient picks its new time; null while booking. */
    let moving = null;

    // ---- start ------------------------------------------------------------------------------------------------

    async function start() {
        $('slot-search').addEventListener('submit', (event) => {
            event.preventDefault();
            showSlots();
        });
        $('refresh-appointments').addEventListener('click', () => loadAppointments());
        $('details-form').addEventListener('submit', (event) => {
            event.preventDefault();
            saveDetails();
        });
        $('stop-moving').addEventListener('click', () => stopMoving('Your appointment keeps its time.'));

        const focus = new URLSearchParams(window.location.search).get('appointment');
        if (focus) {
            sessionStorage.setItem(FOCUS_KEY, focus);
            window.history.replaceState(null, '', window.location.pathname);
        }
        $('date').min = isoDate(daysFromToday(1));
        $('date').value = isoDate(firstWeekdayFrom(daysFromToday(2)));
        const started = await window.Pages.startPage((settings) => ({
            key: 'patient-page.token',
            redirectUri: settings.redirectUri || new URL('./', window.location.href).href,
            accept: (claims) => claims.patient_id ? null
                : 'You are signed in, but not as a patient: this account has no patient id.',
            onChange: render
        }));
        if (!started) {
            return;
        }
        ({ config, auth } = started);
        fillProviders(config.providers || []);
        render();
        if (auth.session) {
            await loadDetails();
            loadAppointments();
        }
    }

    function render() {
        const session = auth ? auth.session : null;
        const signedIn = window.Pages.showSession(session,
            (who) => 'Signed in as ' + who.subject + ' (patient ' + who.patientId + ')');
        if (!signedIn) {
            stopFollowing();
            moving = null;
            detailsTag = null;
            $('slots').hidden = true;
            $('booking').hidden = true;
            $('moving').hidden = true;
            $('slot-list').replaceChildren();
            $('appointments').querySelector('tbody').replaceChildren();
            $('past-appointments').querySelector('tbody').replaceChildren();
        }
    }

    // ---- my details -------------------------------------------------------------------------------------------

    const DETAIL_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth'];

    async function loadDetails() {
        const status = $('details-status');
        try {
            const response = await auth.call(config.requestServiceUrl + '/api/patients/me');
            if (response.status === 404) {
                detailsTag = null;
                DETAIL_FIELDS.forEach((field) => { $('details-' + field).value = ''; });
                showDetailsState('missing', 'Welcome! Before your first booking, tell us who you are.');
                return;
            }
            if (!response.ok) {
                status.textContent = 'Your details could not be loaded: ' + await refusalText(response);
                return;
            }
            detailsTag = response.headers.get('ETag');
            fillDetails(await response.json());
            showDetailsState('saved', '');
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                status.textContent = 'Your details could not be loaded: ' + error.message;
            }
        }
    }

    async function saveDetails() {
        const body = {};
        DETAIL_FIELDS.forEach((field) => {
            const value = $('details-' + field).value.trim();
            if (value) {
                body[field] = value;
            }
        });
        const headers = { 'Content-Type': 'application/json' };
        if (detailsTag) {
            headers['If-Match'] = detailsTag;
        } else {
            headers['If-None-Match'] = '*';
        }
        $('save-details').disabled = true;
        try {
            const response = await auth.call(config.requestServiceUrl + '/api/patients/me',
                { method: 'PUT', headers, body: JSON.stringify(body) });
            if (response.ok) {
                detailsTag = response.headers.get('ETag');
                fillDetails(await response.json());
                showDetailsState('saved', response.status === 201 ? 'Your details are saved. You can book now.'
                    : 'Your details are saved.');
            } else if (response.status === 409) {
                showDetailsState(detailsTag ? 'saved' : 'missing',
                    'This e-mail address belongs to another patient. Please use your own address.');
            } else if (response.status === 412) {
                await loadDetails();
                $('details-status').textContent = 'Your details were changed elsewhere meanwhile: here they are '
                    + 'again. Make your change once more.';
            } else if (response.status === 400) {
                const problem = await response.json();
                const fields = (problem.violations || []).map((violation) => fieldName(violation.field) + ' '
                    + violation.message);
                $('details-status').textContent = 'Please check: ' + (fields.length ? fields.join('; ')
                    : problem.detail) + '.';
            } else {
                $('details-status').textContent = 'Your details could not be saved: ' + await refusalText(response);
            }
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                $('details-status').textContent = 'Your details could not be saved: ' + error.message;
            }
        } finally {
            $('save-details').disabled = false;
        }
    }

    function fillDetails(record) {
        DETAIL_FIELDS.forEach((field) => { $('details-' + field).value = record[field] || ''; });
    }

    function showDetailsState(state, text) {
        $('details').dataset.state = state;
        $('details-status').textContent = text;
        // A patient without a record cannot book yet: its bookings would be refused as UNKNOWN_PATIENT.
        $('book').hidden = state === 'missing';
        $('details-heading').textContent = state === 'missing' ? 'Your details, before your first booking'
            : 'My details';
    }

    function fieldName(field) {
        return { firstName: 'first name', lastName: 'last name', email: 'e-mail', phone: 'phone',
            dateOfBirth: 'date of birth' }[field] || field;
    }

    // ---- my appointments --------------------------------------------------------------------------------------

    async function loadAppointments() {
        const summary = $('appointments-summary');
        const session = auth.session;
        try {
            const now = new Date().toISOString();
            const patient = 'api/appointments?patientId=' + encodeURIComponent(session.patientId);
            const [upcoming, past] = await Promise.all([
                auth.call(patient + '&from=' + encodeURIComponent(now) + '&limit=100'),
                auth.call(patient + '&from=' + addDays(isoDate(new Date()), -PAST_DAYS) + '&to='
                    + encodeURIComponent(now) + '&limit=200')
            ]);
            if (!upcoming.ok || !past.ok) {
                summary.textContent = 'Your appointments could not be loaded: '
                    + await refusalText(upcoming.ok ? past : upcoming);
                return;
            }
            const ahead = (await upcoming.json()).items;
            const behind = (await past.json()).items.reverse();
            fillTable($('appointments'), ahead, true);
            fillTable($('past-appointments'), behind, false);
            $('past-heading').hidden = behind.length === 0;
            summary.textContent = ahead.length === 0 ? 'You have no upcoming appointments.'
                : ahead.length === 1 ? 'One upcoming appointment.' : ahead.length + ' upcoming appointments.';
            focusOnLinkedAppointment();
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                summary.textContent = 'Your appointments could not be loaded: ' + error.message;
            }
        }
    }

    function fillTable(table, appointments, upcoming) {
        const rows = appointments.map((appointment) => {
            const row = document.createElement('tr');
            row.dataset.appointmentId = appointment.appointmentId;
            row.append(cell(appointment.appointmentDate),
                cell(appointment.startTime + '–' + appointment.endTime + ' ' + zoneName(appointment.timeZone)),
                cell(appointment.providerId), cell(statusBadge(appointment.status)), cell(appointment.reason || ''));
            const actions = document.createElement('td');
            actions.className = 'actions';
            if (upcoming && (appointment.status === 'REQUESTED' || appointment.status === 'CONFIRMED')) {
                actions.append(button('Reschedule', 'secondary reschedule', () => startMoving(appointment)), ' ',
                    button('Cancel', 'secondary cancel', () => askCancel(row, appointment)));
            }
            row.append(actions);
            return row;
        });
        table.querySelector('tbody').replaceChildren(...rows);
        table.hidden = rows.length === 0;
    }

    function focusOnLinkedAppointment() {
        const id = sessionStorage.getItem(FOCUS_KEY);
        if (!id) {
            return;
        }
        sessionStorage.removeItem(FOCUS_KEY);
        const row = document.querySelector('tr[data-appointment-id="' + CSS.escape(id) + '"]');
        if (row) {
            row.classList.add('focus');
            row.scrollIntoView({ block: 'center' });
            $('appointments-status').textContent = 'Here is the appointment from your e-mail.';
        } else {
            $('appointments-status').textContent = 'The appointment from your e-mail is not among yours.';
        }
    }

    // ---- cancel -----------------------------------------------------------------------------------------------

    function askCancel(row, appointment) {
        window.Pages.askReason(row, {
            className: 'cancel-form',
            inputId: 'cancel-reason',
            label: 'Why are you cancelling? (optional, shown to the provider)',
            confirm: 'Cancel appointment',
            onConfirm: (reason, form) => cancel(appointment, reason, form)
        });
    }

    async function cancel(appointment, reason, form) {
        const status = $('appointments-status');
        form.querySelectorAll('button').forEach((each) => { each.disabled = true; });
        status.textContent = 'Cancelling your appointment of ' + describe(what(appointment)) + '…';
        try {
            const response = await auth.command('/api/appointments/' + encodeURIComponent(appointment.appointmentId)
                + '/cancel', reason ? { reason } : {});
            if (response.status === 200) {
                status.textContent = 'Cancelled: ' + describe(what(appointment)) + '. The time is free again.';
                if (moving && moving.appointmentId === appointment.appointmentId) {
                    stopMoving(null);
                }
                stopFollowing();
                $('booking').hidden = true;
            } else if (response.status === 202) {
                status.textContent = 'Your cancellation is queued but not done yet; refresh in a moment.';
            } else {
                status.textContent = 'Your appointment could not be cancelled. ' + await refusalText(response);
            }
            form.remove();
            loadAppointments();
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                status.textContent = 'The cancellation could not be sent: ' + error.message;
                form.querySelectorAll('button').forEach((each) => { each.disabled = false; });
            }
        }
    }

    // ---- reschedule -------------------------------------------------------------------------------------------

    function startMoving(appointment) {
        moving = appointment;
        $('moving-text').textContent = 'Moving your appointment of ' + describe(what(appointment))
            + '. Pick a new free time with ' + appointment.providerId + ' below.';
        $('moving').hidden = false;
        $('provider').value = appointment.providerId;
        $('provider').readOnly = true;
        $('date').value = appointment.appointmentDate;
        $('book-heading').textContent = 'Reschedule an appointment';
        $('book').scrollIntoView({ block: 'start' });
        showSlots();
    }

    function stopMoving(message) {
        moving = null;
        $('moving').hidden = true;
        $('provider').readOnly = false;
        $('book-heading').textContent = 'Book an appointment';
        if (message) {
            $('appointments-status').textContent = message;
        }
    }

    async function move(appointment, date, time, timeZone, slotButton) {
        stopFollowing();
        const target = { providerId: appointment.providerId, date, time, timeZone };
        setSlotsDisabled(true);
        showBooking('PENDING', 'Moving your appointment to ' + describe(target) + '…');
        try {
            const response = await auth.command('/api/appointments/' + encodeURIComponent(appointment.appointmentId)
                + '/reschedule', { appointmentDate: date, startTime: time });
            if (response.status === 200) {
                stopMoving(null);
                showBooking('REQUESTED', 'Moved to ' + describe(target) + '. Waiting for the provider to confirm.');
                follow(appointment.appointmentId, target);
                // The old time is free again and the new one taken: show the day as it is now.
                showSlots();
            } else if (response.status === 409) {
                const text = await refusalText(response);
                if (text.startsWith(window.Pages.REASON_TEXT.SLOT_UNAVAILABLE)) {
                    takeSlotOff(slotButton);
                    showBooking('TAKEN', 'That slot was just taken: ' + describe(target)
                        + ' is no longer free. Please choose another time.');
                } else {
                    showBooking('REFUSED', 'Your appointment could not be moved. ' + text);
                }
            } else if (response.status === 202) {
                showBooking('QUEUED', 'Your move to ' + describe(target) + ' is queued but not decided yet.');
            } else {
                showBooking('REFUSED', 'Your appointment could not be moved. ' + await refusalText(response));
            }
            loadAppointments();
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                showBooking('FAILED', 'The move could not be sent: ' + error.message);
            }
        } finally {
            setSlotsDisabled(false);
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
            const response = await auth.call('api/providers/' + encodeURIComponent(providerId) + '/slots?date='
                + encodeURIComponent(date));
            if (response.status === 404) {
                summary.textContent = 'There is no provider "' + providerId + '". Check the name and try again.';
                return;
            }
            if (!response.ok) {
                summary.textContent = 'The free times could not be loaded: ' + await refusalText(response);
                return;
            }
            const day = await response.json();
            const buttons = day.slots.map((slot) => {
                const item = document.createElement('li');
                const slotButton = document.createElement('button');
                slotButton.type = 'button';
                slotButton.className = 'slot';
                slotButton.dataset.time = slot.startTime;
                slotButton.textContent = slot.startTime;
                slotButton.setAttribute('aria-label', (moving ? 'Move to ' : 'Book ') + slot.startTime);
                slotButton.addEventListener('click', () => (moving
                    ? move(moving, date, slot.startTime, day.timeZone, slotButton)
                    : book(providerId, date, slot.startTime, day.timeZone, slotButton)));
                item.append(slotButton);
                return item;
            });
            list.replaceChildren(...buttons);
            summary.textContent = buttons.length === 0
                ? 'No free times with ' + providerId + ' on ' + longDate(date) + '. Try another date.'
                : buttons.length + ' free times with ' + providerId + ' on ' + longDate(date) + ', in the provider\'s '
                    + 'time zone (' + zoneName(day.timeZone) + '). Choose one to ' + (moving ? 'move to it.' : 'book it.');
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                summary.textContent = 'The free times could not be loaded: ' + error.message;
            }
        }
    }

    // ---- booking ----------------------------------------------------------------------------------------------

    async function book(providerId, date, time, timeZone, slotButton) {
        stopFollowing();
        const target = { providerId, date, time, timeZone };
        setSlotsDisabled(true);
        showBooking(null, 'Booking ' + describe(target) + '…');
        try {
            const response = await auth.command('/api/appointment-requests', {
                type: 'RequestAppointment',
                providerId,
                patientId: auth.session.patientId,
                appointmentDate: date,
                startTime: time
            });
            if (response.status === 201) {
                const outcome = await response.json();
                takeSlotOff(slotButton);
                showBooking('REQUESTED', bookedText(target, 'REQUESTED'));
                follow(outcome.appointmentId, target);
                loadAppointments();
            } else if (response.status === 409) {
                takeSlotOff(slotButton);
                showBooking('TAKEN', 'That slot was just taken: ' + describe(target)
                    + ' is no longer free. Please choose another time.');
                loadAppointments();
            } else if (response.status === 422) {
                showBooking('REFUSED', 'This time cannot be booked. ' + await refusalText(response));
                loadAppointments();
            } else if (response.status === 202) {
                showBooking('QUEUED', 'Your booking of ' + describe(target) + ' is queued but not decided yet. '
                    + 'It will appear under My appointments once it is.');
            } else {
                showBooking('FAILED', 'The booking failed: ' + await refusalText(response));
            }
        } catch (error) {
            if (!(error instanceof SignedOut)) {
                showBooking('FAILED', 'The booking could not be sent: ' + error.message);
            }
        } finally {
            setSlotsDisabled(false);
        }
    }

    /** Reads the appointment until the provider's decision is in: often at once, later for a manual provider. */
    function follow(appointmentId, target) {
        const startedAt = Date.now();
        const tick = async () => {
            let status = null;
            try {
                const response = await auth.call('api/appointments/' + encodeURIComponent(appointmentId));
                if (response.ok) {
                    const appointment = await response.json();
                    status = appointment.status;
                    showBooking(status, bookedText(target, status, appointment.reason));
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

    function showBooking(state, text) {
        const status = $('booking-status');
        $('booking').hidden = false;
        $('booking').dataset.state = state || 'PENDING';
        status.replaceChildren();
        if (STATUS_TEXT[state]) {
            status.append(statusBadge(state), ' ');
        }
        status.append(text);
    }

    function bookedText(target, status, reason) {
        switch (status) {
            case 'REQUESTED':
                return 'Booked: ' + describe(target) + '. Waiting for the provider to confirm.';
            case 'CONFIRMED':
                return 'Booked and confirmed: ' + describe(target) + '.';
            default:
                return describe(target) + ': ' + (STATUS_TEXT[status] || status) + (reason ? ' (' + reason + ')' : '')
                    + '.';
        }
    }

    function takeSlotOff(slotButton) {
        const item = slotButton.closest('li');
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

    function what(appointment) {
        return { providerId: appointment.providerId, date: appointment.appointmentDate, time: appointment.startTime,
            timeZone: appointment.timeZone };
    }

    function describe(target) {
        return target.time + ' on ' + longDate(target.date) + ' with ' + target.providerId
            + (target.timeZone ? ' (' + zoneName(target.timeZone) + ')' : '');
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

    start();
})();
