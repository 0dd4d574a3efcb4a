package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pos.api.identity.Role;

class RegistrationPolicyTest {

    @ParameterizedTest(name = "caller [{1}] asking for {0} -> {2}")
    @CsvSource(
            nullValues = "-",
            value = {
                "-,       -,             user",
                "user,    -,             user",
                "manager, -,             refused",
                "admin,   -,             refused",
                "-,       user,          user",
                "manager, user,          refused",
                "admin,   manager,       refused",
                "manager, manager,       refused",
                "admin,   admin,         admin",
                "manager, admin,         manager",
                "-,       admin,         user",
                "admin,   user manager,  refused"
            })
    void grantsHigherRolesOnlyToAdmins(String requested, String caller, String expected) {
        var decision = RegistrationPolicy.decide(role(requested), roles(caller));
        if ("refused".equals(expected)) {
            assertThat(decision).isInstanceOf(RoleDecision.Refused.class);
            assertThat(((RoleDecision.Refused) decision).reason()).contains("Only an admin");
        } else {
            assertThat(decision).isEqualTo(new RoleDecision.Granted(role(expected)));
        }
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {"-, true", "user, true", "manager, true", "admin, false"})
    void promotesTheFirstAccountUnlessAnAdminChoseItsRole(String caller, boolean promotes) {
        assertThat(RegistrationPolicy.promotesFirstAccount(roles(caller))).isEqualTo(promotes);
    }

    private static Role role(String name) {
        return name == null ? null : Role.fromWireName(name).orElseThrow();
    }

    private static Set<Role> roles(String names) {
        return names == null
                ? Set.of()
                : Arrays.stream(names.split(" "))
                        .map(RegistrationPolicyTest::role)
                        .collect(Collectors.toSet());
    }
}
