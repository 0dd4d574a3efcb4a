package pos.api.web;

import java.util.Collection;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;

/**
 * No JSON array in a request may have more than {@link #MAX_ELEMENTS} elements. Bean Validation checks every
 * element of a list even when the list is already too long, so 100,000 bad {@code store_ids} meant 100,000
 * violations built and rendered: a request of 200 KB kept a thread busy for seconds (found by the fuzz test).
 * Reading the elements is cheap; refusing the list right after reading it keeps the validation bounded. The
 * refusal is a mismatched input, so the client gets the usual 400 naming the field.
 */
final class BoundedCollectionsJson {

    /** Far above any real list (orders take 200 lines, users a handful of stores). */
    static final int MAX_ELEMENTS = 1000;

    private BoundedCollectionsJson() {}

    static SimpleModule module() {
        return new SimpleModule("pos-bounded-collections").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription.Supplier description,
                    ValueDeserializer<?> deserializer) {
                return new Bounded(deserializer);
            }
        });
    }

    private static final class Bounded extends DelegatingDeserializer {

        Bounded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new Bounded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return checked(super.deserialize(p, ctxt), p);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) {
            return checked(super.deserialize(p, ctxt, intoValue), p);
        }

        private static Object checked(Object value, JsonParser p) {
            if (value instanceof Collection<?> collection && collection.size() > MAX_ELEMENTS) {
                throw MismatchedInputException.from(p, Collection.class, "more than " + MAX_ELEMENTS + " elements");
            }
            return value;
        }
    }
}
