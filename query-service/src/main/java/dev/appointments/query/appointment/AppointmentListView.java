package dev.appointments.query.appointment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of appointments, sorted by start time.
 *
 * @param items the appointments of this page
 * @param limit the page size that was asked for
 * @param nextCursor what to pass as {@code cursor} for the next page; absent on the last
 * page
 */
record AppointmentListView(List<AppointmentView> items, int limit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
