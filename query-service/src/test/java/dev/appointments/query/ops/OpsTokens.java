package dev.appointments.query.ops;

import java.net.URI;

import dev.appointments.authserver.LocalAuthServer;

/**
 * A real authorization server for the ops tests, one per JVM (Spring caches the service's
 * context across test classes, so the issuer must outlive each class), and its demo-ops
 * client's token.
 */
final class OpsTokens {

    private static LocalAuthServer server;

    private static String opsToken;

    private OpsTokens() {
    }

    static synchronized URI issuer() {
        if (server == null) {
            LocalAuthServer started = LocalAuthServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ops-tests-auth-server-stop"));
            server = started;
        }
        return server.issuerUri();
    }

    /** A token of the demo-ops client: the ops role. */
    static synchronized String ops() {
        if (opsToken == null) {
            issuer();
            opsToken = server.clientCredentialsToken("demo-ops", LocalAuthServer.DEMO_SECRET);
        }
        return opsToken;
    }

}
