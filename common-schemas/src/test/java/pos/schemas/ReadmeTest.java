package pos.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pos.schemas.Topics.TopicSpec;

/** The integrators' topic table must not drift from {@link Topics}. */
class ReadmeTest {

    @Test
    void topicsTableDescribesEveryTopic() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("| `pos."))
                .toList();

        assertThat(rows).hasSize(Topics.all().size());
        for (TopicSpec topic : Topics.all()) {
            String prefix = "| `" + topic.name() + "` | " + topic.key() + " | `" + topic.valueType() + "`";
            assertThat(rows)
                    .as(topic.name())
                    .filteredOn(row -> row.startsWith(prefix))
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .contains("| `" + SchemaCatalog.fileName(topic.name()) + "` |")
                            .contains("| " + topic.producers() + " | " + topic.consumers() + " |")
                            .endsWith("| " + (topic.compacted() ? "yes" : "no") + " |"));
        }
    }
}
