package pos.api.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pos.api.identity.Role;
import pos.api.identity.StoreAccess;

class StoreAccessTest {

    static final String A = "65a00000000000000000000a";
    static final String B = "65a00000000000000000000b";

    @ParameterizedTest(name = "{0} with [{1}] on store A: {2}")
    @CsvSource({
        "USER,    A, true",
        "USER,    B, false",
        "USER,     , false",
        "MANAGER, A, true",
        "MANAGER, B, false",
        "MANAGER,  , true",
        "ADMIN,   A, true",
        "ADMIN,   B, false",
        "ADMIN,    , true"
    })
    void anEmptyListIsNoStoreForACashierAndEveryStoreForOthers(Role role, String listed, boolean reachesA) {
        var stores = listed == null ? List.<String>of() : List.of(listed.equals("A") ? A : B);
        assertThat(StoreAccess.of(Set.of(role), stores).includes(A)).isEqualTo(reachesA);
    }

    @Test
    void storeIdsCompareWithoutRegardToCase() {
        assertThat(StoreAccess.of(Set.of(Role.USER), List.of(A.toUpperCase())).includes(A))
                .isTrue();
    }

    @Test
    void nobodyGrantsWiderAccessThanTheirOwn() {
        var everyStore = StoreAccess.EVERY_STORE;
        var onlyA = StoreAccess.of(Set.of(Role.ADMIN), List.of(A));

        assertThat(StoreAccess.grantRefusal(everyStore, Role.MANAGER, List.of()))
                .isEmpty();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.USER, List.of(A))).isEmpty();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.USER, List.of())).isEmpty();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.MANAGER, List.of(A))).isEmpty();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.USER, List.of(B))).isPresent();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.USER, List.of(A, B))).isPresent();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.MANAGER, List.of())).isPresent();
        assertThat(StoreAccess.grantRefusal(onlyA, Role.ADMIN, List.of())).isPresent();
        assertThat(StoreAccess.grantRefusal(StoreAccess.NONE, Role.USER, List.of()))
                .isEmpty();
        assertThat(StoreAccess.grantRefusal(StoreAccess.NONE, Role.USER, List.of(A)))
                .isPresent();
    }

    @Test
    void onlyAdminsGrantStoresAtRegistration() {
        assertThat(RegistrationPolicy.storeRefusal(Role.USER, List.of(A), Set.of(), StoreAccess.NONE))
                .contains("Only an admin may grant store access");
        assertThat(RegistrationPolicy.storeRefusal(
                        Role.USER, List.of(A), Set.of(Role.MANAGER), StoreAccess.EVERY_STORE))
                .contains("Only an admin may grant store access");
        assertThat(RegistrationPolicy.storeRefusal(Role.USER, List.of(), Set.of(), StoreAccess.NONE))
                .isEmpty();
        assertThat(RegistrationPolicy.storeRefusal(Role.USER, List.of(A), Set.of(Role.ADMIN), StoreAccess.EVERY_STORE))
                .isEmpty();
    }
}
