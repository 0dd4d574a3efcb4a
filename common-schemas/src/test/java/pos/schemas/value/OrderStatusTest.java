package pos.schemas.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import pos.schemas.serde.PosJson;

class OrderStatusTest {

    @Test
    void wireNameIsTheJsonName() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(PosJson.mapper().writeValueAsString(status)).isEqualTo("\"" + status.wireName() + "\"");
            assertThat(OrderStatus.fromWireName(status.wireName())).contains(status);
        }
    }

    @Test
    void wireNamesDoNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(OrderStatus.PENDING.wireName()).isEqualTo("pending");
            assertThat(OrderStatus.fromWireName("confirmed")).contains(OrderStatus.CONFIRMED);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void unknownWireNameIsEmpty() {
        assertThat(OrderStatus.fromWireName("shipped")).isEmpty();
        assertThat(OrderStatus.fromWireName("PENDING")).isEmpty();
        assertThat(OrderStatus.fromWireName(null)).isEmpty();
    }
}
