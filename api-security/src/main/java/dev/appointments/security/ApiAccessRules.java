package dev.appointments.security;

/**
 * A service's per-path role rules, declared as a bean. Rules are checked in order, first
 * match wins; the rules of several beans follow their {@code @Order}. Health is open, the
 * other actuator endpoints need {@link Roles#OPS}, and any request no rule names needs a
 * valid token of any role. Example:
 *
 * <pre>{@code
 * &#64;Bean
 * ApiAccessRules intakeAccess() {
 *     return rules -> rules
 *             .path(HttpMethod.POST, "/api/appointment-requests").roles(Roles.PATIENT, Roles.SCHEDULER)
 *             .path("/api/providers/**").roles(Roles.ADMIN);
 * }
 * }</pre>
 *
 * The same can be written as properties,
 * {@code appointments.security.access[n].method/paths/roles/permit-all}. Which object a
 * caller may see is decided in code, with {@link Caller}.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void declare(AccessRules rules);

}
