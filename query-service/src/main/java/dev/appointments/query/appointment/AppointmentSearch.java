package dev.appointments.query.appointment;

import java.util.List;
import java.util.Map;

import dev.appointments.query.web.BadParameter;
import dev.appointments.query.web.NotFound;
import dev.appointments.security.Caller;
import dev.appointments.security.Roles;
import dev.appointments.store.appointment.Appointment;
import dev.appointments.store.appointment.AppointmentIndex;
import dev.appointments.store.appointment.AppointmentLists;
import dev.appointments.store.appointment.AppointmentPage;
import dev.appointments.store.appointment.AppointmentRange;
import dev.appointments.store.appointment.Appointments;
import org.springframework.stereotype.Service;

/**
 * Finds appointments by id and lists them a page at a time from an index: what the REST
 * and FHIR views share. Every read is for a {@link Caller}: an appointment the caller may
 * not see is answered like a missing one, and a list the caller may not read is empty, so
 * that ids can't be probed.
 */
@Service
public class AppointmentSearch {

    public static final int DEFAULT_LIMIT = 50;

    public static final int MAX_LIMIT = 200;

    private final Appointments appointments;

    private final AppointmentLists lists;

    AppointmentSearch(Appointments appointments, AppointmentLists lists) {
        this.appointments = appointments;
        this.lists = lists;
    }

    /**
     * @throws NotFound when there is no such appointment, or the caller may not see it
     * (the same answer)
     */
    public Appointment find(String appointmentId, Caller caller) {
        return appointments.find(appointmentId)
            .filter(appointment -> caller.canSeeAppointment(appointment.patientId(), appointment.providerId()))
            .orElseThrow(() -> new NotFound("There is no appointment " + appointmentId + "."));
    }

    /**
     * A page of the appointments {@code filter} selects, in start-time order; empty when
     * the caller may not read that list: schedulers and ops read every list, a patient
     * its own, a provider those of its providers.
     * @throws BadParameter when the limit is out of range or the cursor is not one given
     * out for this filter
     */
    public Listing list(Caller caller, AppointmentFilter filter, PageParameters page) {
        int size = page.limit() == null ? DEFAULT_LIMIT : page.limit();
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadParameter(page.limitName(),
                    "Parameter '%s' must be between 1 and %d, not %d.".formatted(page.limitName(), MAX_LIMIT, size));
        }
        Map<String, String> startKey = Cursors.decode(page.cursorName(), page.cursor(), filter.index(), filter.key(),
                filter.from(), filter.to());
        if (filter.emptyRange() || !mayList(caller, filter.index(), filter.key())) {
            return new Listing(List.of(), null);
        }
        AppointmentPage found = lists
            .page(new AppointmentRange(filter.index(), filter.key(), filter.from(), filter.to(), size, startKey));
        return new Listing(found.appointments(), Cursors.encode(found.nextKey()));
    }

    private static boolean mayList(Caller caller, AppointmentIndex index, String key) {
        if (caller.hasAnyRole(Roles.SCHEDULER, Roles.OPS)) {
            return true;
        }
        return switch (index) {
            case BY_PATIENT -> caller.canSeePatient(key);
            case BY_PROVIDER -> caller.hasRole(Roles.PROVIDER) && caller.providerIds().contains(key);
            // A status spans every patient and provider.
            case BY_STATUS -> false;
        };
    }

}
