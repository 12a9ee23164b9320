package dev.appointments.request.patient;

import java.time.Clock;
import java.time.LocalDate;

import dev.appointments.store.patient.Patient;
import dev.appointments.store.patient.Patients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * On the local run, the patient record of the demo user {@code ada} of the local
 * authorization server, under the id her token carries ({@code DEMO_PATIENT_ID}, by
 * default {@code demo-patient-ada}), so that she can book with that {@code patientId} and
 * read her appointments. An existing patient of that id is left alone.
 */
@Component
@Profile("local")
class DemoPatients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPatients.class);

    private final Patients patients;

    private final Clock clock;

    private final String patientId;

    DemoPatients(Patients patients, Clock clock, @Value("${DEMO_PATIENT_ID:demo-patient-ada}") String patientId) {
        this.patients = patients;
        this.clock = clock;
        this.patientId = patientId;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            patients.register(new Patient(patientId, "Ada", "Lovelace", "ada@demo.example", null,
                    LocalDate.of(1815, 12, 10), clock.instant()));
        }
        catch (Patients.EmailAlreadyClaimed ex) {
            log.warn("The demo patient {} was not created: its e-mail address belongs to another patient", patientId);
        }
    }

}
