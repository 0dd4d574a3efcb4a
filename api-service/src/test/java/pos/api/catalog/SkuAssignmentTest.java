package pos.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import pos.api.catalog.domain.SkuGenerator;
import pos.api.web.ApiException;

class SkuAssignmentTest {

    private final SkuAssignment assignment = new SkuAssignment(
            new SkuGenerator(Clock.fixed(Instant.parse("2026-02-05T12:00:00Z"), ZoneOffset.UTC), new Random(7)));

    /** Stands in for the unique index: refuses the first {@code taken} candidates, as if they existed. */
    private static final class Index {
        final List<String> tried = new ArrayList<>();
        final Set<String> stored = new HashSet<>();
        final int taken;

        Index(int taken) {
            this.taken = taken;
        }

        String insert(String sku) {
            tried.add(sku);
            if (tried.size() <= taken || !stored.add(sku)) {
                throw new DuplicateKeyException("E11000 duplicate key: " + sku);
            }
            return sku;
        }
    }

    @Test
    void keepsTheFirstFreeCandidate() {
        var index = new Index(0);

        assertThat(assignment.withGeneratedSku("FOD", index::insert)).matches("FOD-20260205-[A-Z0-9]{4}");
        assertThat(index.tried).hasSize(1);
    }

    @Test
    void retriesWithANewCandidateWhenTheIndexRefusesOne() {
        var index = new Index(3);

        String sku = assignment.withGeneratedSku("FOD", index::insert);

        assertThat(index.tried).hasSize(4).last().isEqualTo(sku);
        assertThat(sku).matches("FOD-20260205-[A-Z0-9]{4}");
    }

    @Test
    void switchesToALongerCodeAfterTenCollisions() {
        var index = new Index(SkuGenerator.SHORT_CODE_ATTEMPTS);

        String sku = assignment.withGeneratedSku(null, index::insert);

        assertThat(sku).matches("PRD-20260205-[A-Z0-9]{8}");
        assertThat(index.tried.subList(0, SkuGenerator.SHORT_CODE_ATTEMPTS))
                .allMatch(s -> s.matches("PRD-20260205-[A-Z0-9]{4}"));
    }

    @Test
    void givesUpWith503WhenEveryCandidateIsTaken() {
        var index = new Index(Integer.MAX_VALUE);

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> assignment.withGeneratedSku("FOD", index::insert))
                .satisfies(e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE))
                .withMessage(SkuAssignment.EXHAUSTED);
        assertThat(index.tried).hasSize(SkuGenerator.MAX_ATTEMPTS);
    }

    @Test
    void letsOtherFailuresThrough() {
        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> assignment.withGeneratedSku("FOD", sku -> {
                    throw new IllegalStateException("mongo down");
                }));
    }
}
