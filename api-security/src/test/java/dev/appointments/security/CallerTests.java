package dev.appointments.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTests {

    private static Caller caller(String role, String patientId, String... providerIds) {
        return new Caller("client-7", List.of(role), patientId, List.of(providerIds));
    }

    @Test
    void schedulersAndOpsSeeEveryAppointment() {
        assertThat(caller(Roles.SCHEDULER, null).canSeeAppointment("p-1", "dr-grey")).isTrue();
        assertThat(caller(Roles.OPS, null).canSeeAppointment("p-1", "dr-grey")).isTrue();
    }

    @Test
    void aPatientSeesOnlyItsOwnAppointments() {
        Caller patient = caller(Roles.PATIENT, "p-1");

        assertThat(patient.canSeeAppointment("p-1", "dr-grey")).isTrue();
        assertThat(patient.canSeeAppointment("p-2", "dr-grey")).isFalse();
        assertThat(patient.canSeeAppointment(null, "dr-grey")).isFalse();
    }

    @Test
    void aPatientWithoutPatientIdSeesNothing() {
        Caller patient = caller(Roles.PATIENT, null);

        assertThat(patient.patientId()).isEmpty();
        assertThat(patient.canSeeAppointment(null, null)).isFalse();
        assertThat(patient.canSeePatient(null)).isFalse();
    }

    @Test
    void aProviderSeesOnlyTheAppointmentsOfItsProviders() {
        Caller provider = caller(Roles.PROVIDER, null, "demo-auto", "demo-manual");

        assertThat(provider.canSeeAppointment("p-1", "demo-auto")).isTrue();
        assertThat(provider.canSeeAppointment("p-1", "dr-grey")).isFalse();
        assertThat(provider.canSeeAppointment("p-1", null)).isFalse();
        assertThat(provider.canSeePatient("p-1")).isFalse();
    }

    @Test
    void idClaimsGrantNothingWithoutTheirRole() {
        Caller admin = new Caller("subject", List.of(Roles.ADMIN), "p-1", List.of("dr-grey"));

        assertThat(admin.canSeeAppointment("p-1", "dr-grey")).isFalse();
        assertThat(admin.canSeePatient("p-1")).isFalse();
        assertThat(admin.canRequestFor("p-1")).isFalse();
    }

    @Test
    void patientRecordsAndOutcomesAreForTheirPatientSchedulersAndOps() {
        assertThat(caller(Roles.PATIENT, "p-1").canSeePatient("p-1")).isTrue();
        assertThat(caller(Roles.PATIENT, "p-1").canSeeOutcome("p-2")).isFalse();
        assertThat(caller(Roles.SCHEDULER, null).canSeeOutcome("p-2")).isTrue();
        assertThat(caller(Roles.OPS, null).canSeePatient("p-2")).isTrue();
    }

    @Test
    void schedulersRequestForAnyPatientAndPatientsForThemselves() {
        assertThat(caller(Roles.SCHEDULER, null).canRequestFor("p-9")).isTrue();
        assertThat(caller(Roles.PATIENT, "p-1").canRequestFor("p-1")).isTrue();
        assertThat(caller(Roles.PATIENT, "p-1").canRequestFor("p-9")).isFalse();
        assertThat(caller(Roles.OPS, null).canRequestFor("p-9")).isFalse();
    }

    @Test
    void toStringShowsNoIds() {
        assertThat(caller(Roles.PATIENT, "p-secret", "dr-secret").toString()).doesNotContain("p-secret", "dr-secret",
                "client-7");
    }

    @Test
    void readsListClaimsAsArraysOrSeparatedStrings() {
        assertThat(CallerContext.stringList(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(CallerContext.stringList("a b,c")).containsExactly("a", "b", "c");
        assertThat(CallerContext.stringList(null)).isEmpty();
    }

}
