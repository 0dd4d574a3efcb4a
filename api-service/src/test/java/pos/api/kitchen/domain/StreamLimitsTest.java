package pos.api.kitchen.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamLimitsTest {

    @Test
    void refusesPastTheLimitPerHolderAndTakesBackReleasedPlaces() {
        var limits = new StreamLimits(2, 10);
        assertThat(limits.acquire("ann")).isEmpty();
        assertThat(limits.acquire("ann")).isEmpty();
        assertThat(limits.acquire("ann")).hasValueSatisfying(r -> assertThat(r).contains("At most 2"));
        assertThat(limits.acquire("bob")).as("others are not held back").isEmpty();
        limits.release("ann");
        assertThat(limits.acquire("ann")).isEmpty();
        assertThat(limits.open()).isEqualTo(3);
    }

    @Test
    void refusesPastTheLimitOfTheInstance() {
        var limits = new StreamLimits(5, 2);
        assertThat(limits.acquire("a")).isEmpty();
        assertThat(limits.acquire("b")).isEmpty();
        assertThat(limits.acquire("c")).hasValueSatisfying(r -> assertThat(r).contains("this server"));
        limits.release("a");
        assertThat(limits.acquire("c")).isEmpty();
    }

    @Test
    void aReleaseWithoutAPlaceChangesNothing() {
        var limits = new StreamLimits(1, 1);
        limits.release("nobody");
        assertThat(limits.open()).isZero();
        assertThat(limits.acquire("a")).isEmpty();
    }
}
