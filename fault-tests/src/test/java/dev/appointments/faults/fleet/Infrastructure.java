package dev.appointments.faults.fleet;

import java.util.Map;

import dev.appointments.authserver.LocalAuthServer;
import dev.appointments.engines.EmbeddedEngines;
import dev.appointments.engines.EngineSettings;
import dev.appointments.engines.LocalMailServer;

/**
 * What the services need besides each other, in the test JVM on free loopback ports:
 * ElasticMQ and the DynamoDB engine with the system's queues and tables, the mail server
 * and the authorization server. This is the local run's engines-only mode
 * ({@code LocalRun.startInfrastructure}); the local-run module's jar is repackaged as an
 * executable jar in place, so its classes cannot be on this classpath, and the three
 * starts are repeated here.
 *
 * @param engines ElasticMQ and the DynamoDB engine
 * @param mail the SMTP server with its mailbox API
 * @param auth the authorization server with the demo clients
 */
record Infrastructure(EmbeddedEngines engines, LocalMailServer mail, LocalAuthServer auth) implements AutoCloseable {

    static Infrastructure start() {
        EmbeddedEngines engines = EmbeddedEngines.start(EngineSettings.anyFreePorts());
        LocalMailServer mail = null;
        try {
            mail = LocalMailServer.startOnFreePorts();
            LocalAuthServer auth = LocalAuthServer.start(0,
                    Map.of("logging.structured.ecs.service.name", "fault-tests"));
            return new Infrastructure(engines, mail, auth);
        }
        catch (RuntimeException ex) {
            if (mail != null) {
                mail.close();
            }
            engines.close();
            throw ex;
        }
    }

    @Override
    public void close() {
        auth.close();
        mail.close();
        engines.close();
    }
}
