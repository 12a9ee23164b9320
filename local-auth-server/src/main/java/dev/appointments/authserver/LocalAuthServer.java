package dev.appointments.authserver;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.appointments.authserver.LocalAuthServerProperties.Client;
import dev.appointments.authserver.LocalAuthServerProperties.User;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A local OAuth2 authorization server on loopback, in its own application context
 * (configuration file {@code local-auth-server.yml}), so it can share a JVM with the
 * services. It issues JWT access tokens with the product's {@code roles},
 * {@code patient_id} and {@code provider_id} claims to the demo clients
 * ({@value #DEMO_SECRET} is their secret) and demo users. For the local run and tests
 * only.
 */
public final class LocalAuthServer implements AutoCloseable {

    /** The secret of every demo client. Only this local server knows it. */
    public static final String DEMO_SECRET = "demo-secret";

    /**
     * Name of the configuration file ({@code local-auth-server.yml} on the classpath).
     */
    public static final String CONFIG_NAME = "local-auth-server";

    private static final int PORT_ATTEMPTS = 5;

    private static LocalAuthServer shared;

    private final ConfigurableApplicationContext context;

    private final URI issuer;

    private final TokenRequests tokens;

    private LocalAuthServer(ConfigurableApplicationContext context, URI issuer) {
        this.context = context;
        this.issuer = issuer;
        this.tokens = new TokenRequests(issuer);
    }

    /**
     * For tests: one server per JVM on a free port, started on first use and stopped when
     * the JVM exits. Spring's test framework caches application contexts across test
     * classes, so their issuer must outlive each class.
     */
    public static synchronized LocalAuthServer shared() {
        if (shared == null) {
            LocalAuthServer server = start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "local-auth-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** Starts the server on 127.0.0.1 at the given port; 0 picks a free one. */
    public static LocalAuthServer start(int port) {
        return start(port, Map.of());
    }

    /**
     * Starts the server with extra configuration, e.g.
     * {@code local-auth-server.users[1].username}, which wins over
     * {@code local-auth-server.yml} and the environment.
     */
    public static LocalAuthServer start(int port, Map<String, String> properties) {
        if (port != 0) {
            return run(port, properties);
        }
        // The issuer must name the port before the server starts, so a free port is
        // chosen here; another
        // process may take it in between, hence the retries.
        for (int attempt = 1;; attempt++) {
            try {
                return run(freeLoopbackPort(), properties);
            }
            catch (RuntimeException ex) {
                if (attempt >= PORT_ATTEMPTS || !portTaken(ex)) {
                    throw ex;
                }
            }
        }
    }

    private static LocalAuthServer run(int port, Map<String, String> properties) {
        URI issuer = URI.create("http://127.0.0.1:" + port);
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.address", "127.0.0.1");
        arguments.put("server.port", Integer.toString(port));
        arguments.put("local-auth-server.issuer", issuer.toString());
        arguments.putAll(properties);
        List<String> args = new ArrayList<>();
        arguments.forEach((key, value) -> args.add("--" + key + "=" + value));

        SpringApplication application = new SpringApplication(LocalAuthServerConfiguration.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.setMainApplicationClass(LocalAuthServer.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        return new LocalAuthServer(context, issuer);
    }

    /**
     * The issuer URI, e.g. {@code http://127.0.0.1:9000}: what a resource server's
     * {@code issuer-uri} names.
     */
    public URI issuerUri() {
        return issuer;
    }

    /** The port the server listens on. */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The token endpoint, {@code <issuer>/oauth2/token}. */
    public URI tokenUri() {
        return issuer.resolve("/oauth2/token");
    }

    /**
     * An access token for a client-credentials client, e.g.
     * {@code ("demo-scheduler", DEMO_SECRET)}.
     */
    public String clientCredentialsToken(String clientId, String secret) {
        return tokens.clientCredentials(clientId, secret);
    }

    /**
     * An access token from any issuer's token endpoint by the client-credentials grant.
     */
    public static String clientCredentialsToken(URI issuer, String clientId, String secret) {
        return new TokenRequests(issuer).clientCredentials(clientId, secret);
    }

    /**
     * For tests: an access token with role {@code patient} and the given
     * {@code patient_id}, issued by the client-credentials grant to a client
     * {@code test-patient-<patientId>} registered on first use.
     */
    public String patientToken(String patientId) {
        return testClientToken(
                new Client("test-patient-" + patientId, DEMO_SECRET, List.of("patient"), patientId, List.of()));
    }

    /**
     * For tests: an access token with role {@code provider} and the given
     * {@code provider_id} values, issued to a client registered on first use.
     */
    public String providerToken(String... providerIds) {
        return testClientToken(new Client("test-provider-" + String.join("+", providerIds), DEMO_SECRET,
                List.of("provider"), null, List.of(providerIds)));
    }

    /**
     * For tests and tools: an access token for any roles and ids, issued to a
     * client-credentials client that is registered on first use under the given id (the
     * same id must keep the same claims).
     */
    public String testClientToken(String clientId, List<String> roles, String patientId, List<String> providerIds) {
        return testClientToken(new Client(clientId, DEMO_SECRET, roles, patientId, providerIds));
    }

    private String testClientToken(Client client) {
        LocalAuthServerProperties properties = context.getBean(LocalAuthServerProperties.class);
        context.getBean(DemoClientRepository.class)
            .saveIfAbsent(DemoClients.machine(client, properties.accessTokenTtl()));
        return tokens.clientCredentials(client.clientId(), client.secret());
    }

    /**
     * Adds (or replaces) a person who can sign in, with role {@code patient} and the
     * given patient id: the way to give a patient registered by the request-service a
     * login.
     */
    public void addPatientUser(String username, String password, String patientId) {
        context.getBean(DemoUsers.class).add(new User(username, password, List.of("patient"), patientId, List.of()));
    }

    /**
     * Signs a new user up through the sign-up page, as a browser would (form with its
     * CSRF token), and returns the patient id the server gave it; the user then signs in
     * with {@link #userToken}.
     * @throws IllegalStateException when the page refuses the sign-up (a taken name, a
     * short password)
     */
    public String signUp(String username, String password) {
        LocalAuthServerProperties properties = context.getBean(LocalAuthServerProperties.class);
        new AuthorizationCodeLogin(issuer, properties.patientWebClient().clientId(),
                URI.create(properties.patientWebClient().redirectUris().getFirst()))
            .signUp(username, password);
        return context.getBean(DemoUsers.class).find(username).map(User::patientId).orElseThrow();
    }

    /**
     * Signs a demo user in through the patient web client, as a browser would
     * (authorization request, login form, code with PKCE, token exchange), and returns
     * the access token.
     */
    public String userToken(String username, String password) {
        LocalAuthServerProperties properties = context.getBean(LocalAuthServerProperties.class);
        return new AuthorizationCodeLogin(issuer, properties.patientWebClient().clientId(),
                URI.create(properties.patientWebClient().redirectUris().getFirst()))
            .signIn(username, password);
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException("No free loopback port", ex);
        }
    }

    private static boolean portTaken(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof PortInUseException || cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

}
