package dev.appointments.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.appointments.resources.QueueDefinition;
import dev.appointments.resources.Queues;
import dev.appointments.resources.Tables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackInitScriptTests {

    static final Path SCRIPT = Path.of("..").resolve(LocalStackInitScript.PATH);

    @Test
    void checkedInScriptIsTheRenderingOfTheCurrentDefinitions() throws IOException {
        assertThat(Files.readString(SCRIPT))
            .as("%s is stale: regenerate it with ./mvnw -B -q -f deploy/pom.xml compile exec:java "
                    + "-Dexec.mainClass=%s -Dexec.args=..", LocalStackInitScript.PATH,
                    LocalStackInitScript.class.getName())
            .isEqualTo(LocalStackInitScript.render());
    }

    @Test
    void scriptIsExecutableAsLocalStackRequiresOfInitHooks() {
        assertThat(Files.isExecutable(SCRIPT)).isTrue();
        assertThat(LocalStackInitScript.render()).startsWith("#!/bin/bash\n");
    }

    @Test
    void createsEveryQueueWithItsRedriveSettingsAndEveryTable() {
        String script = LocalStackInitScript.render();
        for (QueueDefinition queue : Queues.all()) {
            assertThat(script).contains("\nqueue " + queue.name() + " " + queue.maxReceiveCount() + " "
                    + queue.visibilityTimeout().toSeconds() + "\n");
        }
        for (String table : Tables.names()) {
            assertThat(script).contains("\ntable " + table + " '{\"TableName\":\"" + table + "\"");
        }
        assertThat(script).contains("\ntime_to_live request-outcomes expiresAt\n");
    }

    @Test
    void refusesNamesThatWouldNeedQuotingInTheShell() {
        assertThatThrownBy(() -> LocalStackInitScript
            .render(List.of(new QueueDefinition("bad'name", 5, Duration.ofSeconds(30))), List.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
