package pos.api.health;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The original's liveness answer, kept for existing clients; operators use /actuator/health. */
@RestController
class HealthController {

    @io.swagger.v3.oas.annotations.Operation(
            summary = "Liveness, as the original service answered it",
            tags = "Operations")
    @GetMapping("/health")
    Map<String, String> health() {
        return Map.of("status", "ok");
    }
}
