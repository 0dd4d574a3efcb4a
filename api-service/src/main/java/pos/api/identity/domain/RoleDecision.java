package pos.api.identity.domain;

import pos.api.identity.Role;

/** The role a new account gets, or why the registration is refused. */
public sealed interface RoleDecision {

    record Granted(Role role) implements RoleDecision {}

    record Refused(String reason) implements RoleDecision {}
}
