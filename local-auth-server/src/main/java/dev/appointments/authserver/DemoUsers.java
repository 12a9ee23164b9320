package dev.appointments.authserver;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.appointments.authserver.LocalAuthServerProperties.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people who can sign in, held in memory: configured ones, those added at run time (a
 * patient's id is only known once the request-service has registered the patient), and
 * new patients who signed up, each given a patient id of its own. A restart forgets those
 * who signed up; their patient records stay with the request-service.
 */
final class DemoUsers implements UserDetailsService {

    private final Map<String, User> users = new ConcurrentHashMap<>();

    DemoUsers(Iterable<User> initial) {
        initial.forEach(this::add);
    }

    void add(User user) {
        if (user.username() == null || user.username().isBlank() || user.password() == null) {
            throw new IllegalArgumentException("A demo user needs a username and a password");
        }
        users.put(user.username(), user);
    }

    /**
     * Adds a new patient who signed up, with a patient id of its own, unless the name is
     * taken.
     * @return the new user, or empty when the name is taken
     */
    Optional<User> signUp(String username, String password) {
        User user = new User(username, password, List.of("patient"), "patient-" + UUID.randomUUID(), List.of());
        return users.putIfAbsent(username, user) == null ? Optional.of(user) : Optional.empty();
    }

    Optional<User> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such demo user");
        }
        return org.springframework.security.core.userdetails.User.withUsername(user.username())
            .password("{noop}" + user.password())
            .authorities(user.roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
            .build();
    }

}
