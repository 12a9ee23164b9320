package dev.appointments.request.intake;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreferWaitTests {

    @Test
    void readsTheWaitInSeconds() {
        assertThat(PreferWait.from(List.of("wait=10"))).hasValue(Duration.ofSeconds(10));
        assertThat(PreferWait.from(List.of("WAIT = 3"))).hasValue(Duration.ofSeconds(3));
        assertThat(PreferWait.from(List.of("wait=\"7\""))).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void findsItAmongOtherPreferencesAndHeaders() {
        assertThat(PreferWait.from(List.of("respond-async, wait=5"))).hasValue(Duration.ofSeconds(5));
        assertThat(PreferWait.from(List.of("return=minimal", "handling=lenient; x=1, wait=4")))
            .hasValue(Duration.ofSeconds(4));
    }

    @Test
    void onlyTheFirstWaitCounts() {
        assertThat(PreferWait.from(List.of("wait=2, wait=9"))).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void capsTheWait() {
        assertThat(PreferWait.from(List.of("wait=3600"))).hasValue(PreferWait.MAX);
        assertThat(PreferWait.from(List.of("wait=999999999"))).hasValue(PreferWait.MAX);
    }

    @Test
    void ignoresWhatItDoesNotUnderstand() {
        assertThat(PreferWait.from(null)).isEmpty();
        assertThat(PreferWait.from(List.of())).isEmpty();
        assertThat(PreferWait.from(List.of("respond-async"))).isEmpty();
        assertThat(PreferWait.from(List.of("wait=soon"))).isEmpty();
        assertThat(PreferWait.from(List.of("wait=-1"))).isEmpty();
        assertThat(PreferWait.from(List.of("wait=1.5"))).isEmpty();
        assertThat(PreferWait.from(List.of("wait=0"))).isEmpty();
        assertThat(PreferWait.from(List.of("waiting=5"))).isEmpty();
    }

    @Test
    void namesTheAppliedWait() {
        assertThat(PreferWait.applied(Duration.ofSeconds(20))).isEqualTo("wait=20");
    }

}
