package pos.api.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiExceptionTest {

    @Test
    void extensionMembersAreKept() {
        var problem = ApiException.conflict("Cannot change status from created to ready")
                .with("current_status", "created").with("allowed_next", List.of("confirmed", "cancelled"));

        assertThat(problem.properties()).containsEntry("current_status", "created")
                .containsEntry("allowed_next", List.of("confirmed", "cancelled"));
    }

    @Test
    void theProblemsOwnMembersCannotBeOverwritten() {
        for (var member : List.of("type", "title", "status", "detail", "instance")) {
            assertThatThrownBy(() -> ApiException.conflict("x").with(member, "y"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
