package dev.appointments.authserver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, in memory. Spring's in-memory repository refuses two clients
 * with one secret, but every demo client shares {@value LocalAuthServer#DEMO_SECRET} on
 * purpose, so this one does not check.
 */
final class DemoClientRepository implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    DemoClientRepository(Iterable<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    @Override
    public synchronized void save(RegisteredClient client) {
        RegisteredClient previous = byClientId.put(client.getClientId(), client);
        if (previous != null) {
            byId.remove(previous.getId());
        }
        byId.put(client.getId(), client);
    }

    /** Registers the client unless one with its client id exists already. */
    synchronized void saveIfAbsent(RegisteredClient client) {
        if (!byClientId.containsKey(client.getClientId())) {
            save(client);
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }

}
