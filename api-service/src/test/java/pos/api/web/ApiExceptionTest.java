package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void extensionMembersAreKept() {
        var problem = ApiException.conflict("Cannot change status from created to ready")
                .with("current_status", "created")
                .with("allowed_next", List.of("confirmed", "cancelled"));

        assertThat(problem.properties())
                .containsEntry("current_status", "created")
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
