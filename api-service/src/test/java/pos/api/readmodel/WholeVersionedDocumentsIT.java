package pos.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import pos.api.support.OnEachMongoBackend;

/**
 * Every test of {@link VersionedDocumentsIT} on documents written only whole (replaced, and inserted plainly), as
 * the orders' read model is.
 */
@OnEachMongoBackend
class WholeVersionedDocumentsIT extends VersionedDocumentsIT {

    @Override
    VersionedDocuments documentsOn(MongoTemplate template) {
        return VersionedDocuments.ofWholeDocuments(template, COLLECTION, "version");
    }

    @Override
    boolean whole() {
        return true;
    }

    @Test
    void aWriteBringsTheWholeDocumentWithItsId() {
        documents.applyIfNewer("w", 1, at(1, "one").append("only-in-one", true));
        documents.applyIfNewer("w", 2, at(2, "two"));

        assertThat(stored("w")).containsOnlyKeys("_id", "version", "value").containsEntry("value", "two");
    }
}
