package pos.api.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRequestValidationTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void acceptsAFullRegistration() {
        assertThat(errors(register("alice@example.com", "secret1", "manager", List.of("65C0FFEE0000000000000001"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@localhost", "alice@", "@example.com", "a b@example.com", ""})
    void refusesEmailsThatAreNotAddresses(String email) {
        assertThat(errors(register(email, "secret1", null, null))).containsKey("email");
    }

    @Test
    void refusesShortAndOverlongPasswords() {
        assertThat(errors(register("a@example.com", "12345", null, null)))
                .containsEntry("password", "must be at least 6 characters");
        assertThat(errors(register("a@example.com", "x".repeat(73), null, null)))
                .containsEntry("password", "must be at most 72 bytes in UTF-8");
        assertThat(errors(register("a@example.com", null, null, null))).containsKey("password");
    }

    @Test
    void refusesUnknownRolesAndMalformedStoreIds() {
        var errors = errors(register("a@example.com", "secret1", "superuser", List.of("store-1")));
        assertThat(errors).containsEntry("role", "must be one of admin, manager, user");
        assertThat(errors).containsEntry("storeIds[0].<list element>", "must be a 24-character hex ObjectId");
    }

    @Test
    void requiresNameAndUsername() {
        var errors = errors(new RegisterRequest(" ", "a@example.com", "", "secret1", null, null));
        assertThat(errors).containsKeys("name", "username");
    }

    @Test
    void loginNeedsBothFieldsAndOnlyThePasswordGrant() {
        assertThat(validator.validate(new LoginRequest("alice", "secret1", null)))
                .isEmpty();
        assertThat(validator.validate(new LoginRequest("alice", "secret1", "password")))
                .isEmpty();
        assertThat(errorsOf(new LoginRequest(null, "", "client_credentials")))
                .containsKeys("username", "password", "grantType");
    }

    @Test
    void updatesMayLeaveEverythingOut() {
        assertThat(validator.validate(new UpdateUserRequest(null, null, null, null, null)))
                .isEmpty();
        assertThat(errorsOf(new UpdateUserRequest(" ", "nope", "root", List.of("x"), null)))
                .containsKeys("name", "email", "role");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(register("a@example.com", "hunter22", null, null).toString()).doesNotContain("hunter22");
        assertThat(new LoginRequest("alice", "hunter22", null).toString()).doesNotContain("hunter22");
    }

    private static RegisterRequest register(String email, String password, String role, List<String> stores) {
        return new RegisterRequest("Alice", email, "alice", password, role, stores);
    }

    private static Map<String, String> errors(RegisterRequest request) {
        return errorsOf(request);
    }

    private static Map<String, String> errorsOf(Object request) {
        return validator.validate(request).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), v -> v.getMessage(), (a, b) -> a));
    }
}
