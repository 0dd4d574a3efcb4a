package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pos.api.identity.Role;

class AdministrationPolicyTest {

    @Test
    void letsAnAdminChangeOthers() {
        assertThat(AdministrationPolicy.refusal("a", "b", Role.USER, false)).isEmpty();
    }

    @Test
    void refusesDeactivatingOneself() {
        assertThat(AdministrationPolicy.refusal("a", "a", null, false))
                .contains("An admin cannot deactivate their own account");
    }

    @Test
    void refusesDemotingOneself() {
        assertThat(AdministrationPolicy.refusal("a", "a", Role.MANAGER, null))
                .contains("An admin cannot remove their own admin role");
    }

    @Test
    void letsAnAdminEditTheRestOfTheirOwnAccount() {
        assertThat(AdministrationPolicy.refusal("a", "a", Role.ADMIN, true)).isEmpty();
        assertThat(AdministrationPolicy.refusal("a", "a", null, null)).isEmpty();
    }
}
