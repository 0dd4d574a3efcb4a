package pos.api.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import pos.api.fuzz.Json.Obj;
import pos.api.fuzz.Json.Raw;

/**
 * Hostile values, all drawn from a seeded {@link Random}: JSON values of the wrong type or absurd size, path
 * segments and query values that are never valid ids, broken JSON bytes, bad Idempotency-Keys.
 */
final class Hostile {

    static final int ONE_MEGABYTE = 1024 * 1024;

    private Hostile() {}

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String digits(Random random, int count) {
        var out = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    static Raw deepArray(int depth) {
        return new Raw("[".repeat(depth) + "]".repeat(depth));
    }

    static Raw deepObject(int depth) {
        return new Raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    /** A JSON value of a kind no field of the API takes as valid for its own type. */
    static Object wrongTypeValue(Random random) {
        List<Function<Random, Object>> makers = List.of(
                r -> Obj.of(),
                r -> Obj.of("$gt", ""),
                r -> Obj.of("$where", "sleep(5000) || true"),
                r -> Obj.of("$ne", null),
                r -> Obj.of("$regex", ".*", "$options", "s"),
                r -> List.of(),
                r -> List.of("a", 1, true),
                r -> List.of(Obj.of("$gt", "")),
                r -> r.nextBoolean(),
                r -> null,
                r -> deepArray(10_000),
                r -> deepObject(10_000),
                r -> new Raw("[" + "1,".repeat(100_000) + "1]"));
        return pick(random, makers).apply(random);
    }

    /** Strings and numbers that break sizes, encodings and number parsing. */
    static Object absurdScalar(Random random) {
        List<Function<Random, Object>> makers = List.of(
                r -> new Raw("1e400"),
                r -> new Raw("-1e400"),
                r -> new Raw("1e-400"),
                r -> new Raw("1E999999999"),
                r -> new Raw("1e-2147483648"),
                r -> new Raw("-0"),
                r -> new Raw("-0.0"),
                r -> new Raw(digits(r, 400)),
                r -> new Raw("-" + digits(r, 400)),
                r -> new Raw(digits(r, 20) + "." + digits(r, 20)),
                r -> new Raw("9223372036854775808"),
                // parse cost: quadratic backtracking and exponents BigDecimal would expand (edge-security issue)
                r -> "1" + digits(r, 50_000) + "x",
                r -> digits(r, ONE_MEGABYTE - 64),
                r -> new Raw("1" + digits(r, 500_000)),
                r -> "-" + digits(r, 20_000) + ".5e-99999",
                r -> "1e2147483647",
                r -> new Raw("1e2147483647"),
                r -> "0e2147483647",
                r -> "9e-2147483648",
                r -> "1." + "0".repeat(100_000) + "1",
                r -> new Raw("NaN"),
                r -> new Raw("Infinity"),
                r -> "NaN",
                r -> "Infinity",
                r -> "-Infinity",
                r -> "1e400",
                r -> "0x10",
                r -> "1,5",
                r -> "١٢٣",
                r -> "",
                r -> "   ",
                r -> "\u0000",
                r -> "a\u0000b",
                r -> "\u0001\u0002\u001b[31m",
                r -> "\ud800",
                r -> "\udfff\ud800",
                r -> "😀🇺🇸\u200b\u202e\ufeff",
                r -> "'; db.dropDatabase(); '",
                r -> "{\"$gt\":\"\"}",
                r -> "$where",
                r -> "${jndi:ldap://127.0.0.1/x}",
                r -> "<script>alert(1)</script>",
                r -> "../../../../etc/passwd",
                r -> "x".repeat(100_000),
                r -> "é".repeat(50_000),
                r -> "x".repeat(ONE_MEGABYTE),
                r -> deepArray(200_000),
                r -> deepObject(100_000));
        return pick(random, makers).apply(random);
    }

    static Object anyHostileValue(Random random) {
        return random.nextBoolean() ? wrongTypeValue(random) : absurdScalar(random);
    }

    /**
     * Path segments that are never a valid id, SKU or schema file, already written as they go on the wire (some
     * deliberately not valid URI syntax). None can be normalised into another endpoint's path.
     */
    static String pathSegment(Random random) {
        List<Function<Random, String>> makers = List.of(
                r -> "..",
                r -> "%2e%2e",
                r -> "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                r -> "..%2f..%2f",
                r -> "..%5c..%5c",
                r -> ".%00.",
                r -> "%00",
                r -> "abc%00def",
                r -> "65a000000000000000000001%00",
                r -> "%zz",
                r -> "%",
                r -> "%e0%80%ae",
                r -> "%c0%ae%c0%ae",
                r -> "%ff%fe",
                r -> "%F0%9F%98%80",
                r -> "%C3%BC%C3%B1%C3%AF",
                r -> "\u00fc\u00f1",
                r -> "{\"$gt\":\"\"}",
                r -> "%7B%22%24gt%22%3A%22%22%7D",
                r -> "$where",
                r -> "%24where",
                r -> "%3Bjsessionid=1",
                r -> "x;y=z",
                r -> "a%20b",
                r -> "%0d%0aSet-Cookie:%20x=1",
                r -> "a".repeat(10_000),
                r -> "65a" + "0".repeat(300),
                r -> "65a00000000000000000001",
                r -> "65a0000000000000000000011",
                r -> "ZZa000000000000000000001",
                r -> "65A00000000000000000000G",
                r -> "null",
                r -> "-1",
                r -> "0",
                r -> "%252e%252e",
                r -> "~",
                r -> "*",
                r -> "a|b",
                r -> "%5Bobject%20Object%5D");
        return pick(random, makers).apply(random);
    }

    /**
     * Query values (as on the wire) that are never a valid id for an id-valued parameter. (Spring trims number and
     * boolean parameters, so padding such as {@code %20} or {@code %00} around a valid value is not invalid.)
     */
    static String badIdQueryValue(Random random) {
        return pick(
                random,
                List.of(
                        "abc",
                        "%24where",
                        "%7B%22%24gt%22%3A%22%22%7D",
                        "%00",
                        "65a00000000000000000000",
                        "65a0000000000000000000011",
                        "%zz",
                        "%F0%9F%98%80",
                        "a".repeat(10_000),
                        "65a000000000000000000001%00",
                        "true",
                        "-1",
                        "%5B%5D"));
    }

    static String badIntQueryValue(Random random) {
        return pick(
                random,
                List.of(
                        "-1",
                        "-2147483649",
                        "2147483648",
                        "1e9",
                        "abc",
                        "1.5",
                        "0xZ",
                        "a%00",
                        "NaN",
                        digits(random, 400),
                        "%F0%9F%98%80",
                        "1%20a",
                        "--1",
                        "%7B%22%24gt%22%3A0%7D"));
    }

    static String badLimitQueryValue(Random random) {
        return pick(
                random,
                List.of(
                        "0",
                        "-1",
                        "101",
                        "1000000000",
                        "1e9",
                        "abc",
                        "2147483648",
                        "NaN",
                        "1%00a",
                        digits(random, 400),
                        "%24where"));
    }

    static String badBooleanQueryValue(Random random) {
        return pick(random, List.of("maybe", "2", "ye%00s", "%7B%22%24ne%22%3Anull%7D", "TRUEE", "nope"));
    }

    /** Idempotency-Key values the API must refuse (or, empty, treat as absent); chars 0..255 go out as raw bytes. */
    static String badIdempotencyKey(Random random) {
        return pick(
                random,
                List.of(
                        "k".repeat(10_000),
                        "k".repeat(256),
                        "key\u0001with\u0002controls",
                        "key\u007f",
                        "tab\there",
                        "\u00ff\u00fe\u00fd",
                        "caf\u00e9-\u00e9"));
    }

    /** Ways to break JSON bytes so no parser can read an object out of them. */
    static byte[] breakJson(Random random, byte[] json) {
        int kind = random.nextInt(9);
        var out = new ByteArrayOutputStream();
        switch (kind) {
            case 0 -> out.write(json, 0, Math.max(0, random.nextInt(Math.max(1, json.length))));
            case 1 -> {
                out.writeBytes(json);
                out.writeBytes(pick(random, List.of("garbage", "}", "{}", ",", "]", "\u0000", "{\"a\":1}"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> {
                out.writeBytes(json);
                out.write(0);
                out.writeBytes("garbage".getBytes(StandardCharsets.UTF_8));
            }
            case 3 -> {
                int at = 1 + random.nextInt(Math.max(1, json.length - 1));
                out.write(json, 0, at);
                out.write(0);
                out.write(json, at, json.length - at);
            }
            case 4 -> {
                int at = 1 + random.nextInt(Math.max(1, json.length - 1));
                out.write(json, 0, at);
                byte[][] invalid = {
                    {(byte) 0xC3, 0x28},
                    {(byte) 0xFF, (byte) 0xFE},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80}
                };
                out.writeBytes(pick(random, List.of(invalid)));
                out.write(json, at, json.length - at);
            }
            case 5 -> {
                out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
                out.writeBytes(json);
                out.write(0);
            }
            case 6 ->
                out.writeBytes(new String(json, StandardCharsets.UTF_8)
                        .replace('"', '\'')
                        .getBytes(StandardCharsets.UTF_8));
            case 7 ->
                out.writeBytes(new String(json, StandardCharsets.UTF_8)
                        .replaceFirst("\\{", "{/* c */,")
                        .getBytes(StandardCharsets.UTF_8));
            default ->
                out.writeBytes(pick(
                                random,
                                List.of(
                                        "",
                                        "null",
                                        "[]",
                                        "\"text\"",
                                        "42",
                                        "true",
                                        "{",
                                        "\u0000\u0000\u0000\u0000",
                                        "\ufeff",
                                        "{\"a\":}",
                                        "[".repeat(10_000)))
                        .getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static byte[] withBom(byte[] json) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(json);
        return out.toByteArray();
    }

    /** Content types a JSON endpoint does not take (some not even valid media types). */
    static String wrongContentType(Random random) {
        return pick(
                random,
                List.of(
                        "text/plain",
                        "text/plain; charset=UTF-8",
                        "application/xml",
                        "text/xml",
                        "multipart/form-data; boundary=xyz",
                        "multipart/form-data",
                        "application/x-www-form-urlencoded",
                        "application/octet-stream",
                        "image/png",
                        "text/html",
                        "*/*",
                        "application/*",
                        "json",
                        "application/",
                        "/",
                        ";;;",
                        "application/json-patch+json; charset=\u00ff",
                        "\u0001"));
    }

    /** Accept headers that exclude both JSON and problem+json: the error must still be problem+json. */
    static String unacceptableAccept(Random random) {
        return pick(random, List.of("application/xml", "text/html", "image/png", "text/plain", "application/pdf"));
    }
}
