package pos.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class DecimalJsonTest {

    record Priced(Decimal price, String name) {}

    record Lines(List<Decimal> qty) {}

    private final JsonMapper json = JsonMapper.builder()
            .addModule(DecimalJson.module())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"2.50\"|2.50",
                "2.50|2.50",
                "2.5|2.5",
                "7|7",
                "-3|-3",
                "1e3|1000",
                "1.5E+1|15",
                "\" +5 \"|5",
                "\"5.\"|5",
                "1234567890123456.99|1234567890123456.99"
            })
    void readsStringsAndNumbersFromTheirExactText(String price, String expected) {
        var read = json.readValue("{\"price\": " + price + ", \"name\": \"x\"}", Priced.class);

        assertThat(read.price().value().toPlainString()).isEqualTo(expected);
        assertThat(read.name()).isEqualTo("x");
    }

    @ParameterizedTest(name = "{0} is read as an invalid decimal")
    @ValueSource(
            strings = {
                "\"0.001\"",
                "0.001",
                "12345678901234567",
                "123456789012345678901234567890",
                "\"\"",
                "\"NaN\"",
                "\"Infinity\"",
                "true",
                "false",
                "{\"a\": [1, 2]}",
                "[1, 2]",
                "[]",
                "\"abc\""
            })
    void readsAnythingElseAsAnInvalidDecimalAndGoesOn(String price) {
        var read = json.readValue("{\"price\": " + price + ", \"name\": \"after\"}", Priced.class);

        assertThat(read.price().isValid()).isFalse();
        assertThat(read.price().violation(Sign.ANY)).contains(Decimal.INVALID_MESSAGE);
        assertThat(read.name()).isEqualTo("after");
    }

    @Test
    void leavesNullAndMissingValuesNullForTheRequiredCheck() {
        assertThat(json.readValue("{\"price\": null}", Priced.class).price()).isNull();
        assertThat(json.readValue("{}", Priced.class).price()).isNull();
    }

    @Test
    void readsDecimalsInsideCollections() {
        var read = json.readValue("{\"qty\": [\"1.5\", 2, \"x\"]}", Lines.class);

        assertThat(read.qty()).extracting(Decimal::isValid).containsExactly(true, true, false);
    }

    @Test
    void refusesUnquotedNaNAsMalformedJson() {
        assertThatExceptionOfType(JacksonException.class)
                .isThrownBy(() -> json.readValue("{\"price\": NaN}", Priced.class));
    }

    @Test
    void writesAPlainDecimalString() {
        assertThat(json.writeValueAsString(new Priced(Decimal.parse("1e3"), "x")))
                .isEqualTo("{\"price\":\"1000\",\"name\":\"x\"}");
        assertThat(json.writeValueAsString(new Priced(Decimal.parse("2.50"), "x")))
                .isEqualTo("{\"price\":\"2.50\",\"name\":\"x\"}");
    }
}
