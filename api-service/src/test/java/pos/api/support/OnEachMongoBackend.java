package pos.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every test of the annotated class once per {@link MongoBackend}: on mongo-java-server, and on a MongoDB 8.0
 * container where Docker exists (skipped otherwise). The class takes the backend in a field:
 * <pre>{@code
 * @OnEachMongoBackend
 * class SomeViewsIT {
 *     @Parameter
 *     MongoBackend backend;
 *
 *     @BeforeEach
 *     void freshDatabase() {
 *         views = new SomeViews(backend.freshDatabase("views"));
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@EnumSource(MongoBackend.class)
public @interface OnEachMongoBackend {}
