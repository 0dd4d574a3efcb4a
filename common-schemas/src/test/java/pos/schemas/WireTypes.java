package pos.schemas;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The concrete types written to a topic: the records a sealed value type permits, through sealed sub-interfaces. */
final class WireTypes {

    private WireTypes() {}

    static List<Class<?>> of(Class<?> valueType) {
        return leaves(valueType).toList();
    }

    static List<String> namesOf(Class<?> valueType) {
        return leaves(valueType).map(Class::getSimpleName).toList();
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        return type.isSealed()
                ? Arrays.stream(type.getPermittedSubclasses()).flatMap(WireTypes::leaves)
                : Stream.of(type);
    }
}
