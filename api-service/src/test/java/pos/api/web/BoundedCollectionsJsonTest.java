package pos.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Found by the fuzz test: 100,000 list elements kept Bean Validation busy for seconds. */
class BoundedCollectionsJsonTest {

    record Body(List<String> storeIds, List<List<Integer>> nested) {}

    private final JsonMapper json =
            JsonMapper.builder().addModule(BoundedCollectionsJson.module()).build();

    @Test
    void listsUpToTheBoundAreReadAsBefore() {
        var body = json.readValue("{\"storeIds\": " + array(1000) + ", \"nested\": [[1, 2]]}", Body.class);

        assertThat(body.storeIds()).hasSize(1000);
        assertThat(body.nested()).containsExactly(List.of(1, 2));
    }

    @Test
    void aLongerListIsAMismatchNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"storeIds\": " + array(100_000) + "}", Body.class))
                .isInstanceOfSatisfying(MismatchedInputException.class, e -> {
                    assertThat(e.getPath()).extracting(r -> r.getPropertyName()).containsExactly("storeIds");
                    assertThat(e.getOriginalMessage()).isEqualTo("more than 1000 elements");
                });
    }

    @Test
    void nestedListsAreBoundedToo() {
        assertThatThrownBy(() -> json.readValue("{\"nested\": [" + array(1001) + "]}", Body.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    private static String array(int size) {
        return IntStream.range(0, size).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
