package dev.appointments.rules.lifecycle;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.appointments.rules.lifecycle.AppointmentStatus.CANCELLED;
import static dev.appointments.rules.lifecycle.AppointmentStatus.COMPLETED;
import static dev.appointments.rules.lifecycle.AppointmentStatus.CONFIRMED;
import static dev.appointments.rules.lifecycle.AppointmentStatus.DECLINED;
import static dev.appointments.rules.lifecycle.AppointmentStatus.EXPIRED;
import static dev.appointments.rules.lifecycle.AppointmentStatus.NO_SHOW;
import static dev.appointments.rules.lifecycle.AppointmentStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;

class AppointmentStatusTests {

    @Test
    void aRequestIsConfirmedDeclinedExpiredOrCancelled() {
        assertThat(successors(REQUESTED)).containsExactlyInAnyOrder(CONFIRMED, DECLINED, EXPIRED, CANCELLED);
    }

    @Test
    void aConfirmedAppointmentEndsCompletedAsANoShowOrCancelled() {
        assertThat(successors(CONFIRMED)).containsExactlyInAnyOrder(COMPLETED, NO_SHOW, CANCELLED);
    }

    @Test
    void theEndsAreFinal() {
        for (AppointmentStatus end : EnumSet.of(COMPLETED, NO_SHOW, DECLINED, EXPIRED, CANCELLED)) {
            assertThat(successors(end)).as(end.name()).isEmpty();
        }
    }

    @Test
    void onlyARequestedOrConfirmedAppointmentKeepsItsTimeOnTheCalendar() {
        assertThat(Arrays.stream(AppointmentStatus.values()).filter(AppointmentStatus::onCalendar))
            .containsExactlyInAnyOrder(REQUESTED, CONFIRMED);
    }

    @Test
    void onlyCompletedAndNoShowSayWhatHappenedAfterTheStart() {
        assertThat(Arrays.stream(AppointmentStatus.values()).filter(AppointmentStatus::afterTheStart))
            .containsExactlyInAnyOrder(COMPLETED, NO_SHOW);
    }

    private static Set<AppointmentStatus> successors(AppointmentStatus from) {
        Set<AppointmentStatus> found = EnumSet.noneOf(AppointmentStatus.class);
        for (AppointmentStatus to : AppointmentStatus.values()) {
            if (from.canMoveTo(to)) {
                found.add(to);
            }
        }
        return found;
    }

}
