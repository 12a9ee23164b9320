package dev.appointments.authserver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.appointments.authserver.LocalAuthServerProperties.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The people who can sign in, held in memory: configured ones plus those added at run time (a patient's
 * id is only known once the request-service has registered the patient).
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
