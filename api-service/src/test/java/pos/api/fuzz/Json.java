package pos.api.fuzz;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON model that can say what Jackson's cannot: duplicate keys (an object is a list of members) and raw number
 * tokens such as {@code 1e400} or a 400-digit integer ({@link Raw}). Written by hand so every byte is chosen here.
 */
final class Json {

    private Json() {}

    record Member(String name, Object value) {}

    /** An object; members keep their order and may repeat a name. */
    record Obj(List<Member> members) {

        Obj {
            members = new ArrayList<>(members);
        }

        static Obj of(Object... nameValuePairs) {
            var members = new ArrayList<Member>();
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                members.add(new Member((String) nameValuePairs[i], nameValuePairs[i + 1]));
            }
            return new Obj(members);
        }

        Obj copy() {
            var copied = new ArrayList<Member>();
            members.forEach(m -> copied.add(new Member(m.name(), deepCopy(m.value()))));
            return new Obj(copied);
        }

        List<String> names() {
            return members.stream().map(Member::name).distinct().toList();
        }

        Obj set(String name, Object value) {
            boolean replaced = false;
            for (int i = 0; i < members.size(); i++) {
                if (members.get(i).name().equals(name)) {
                    members.set(i, new Member(name, value));
                    replaced = true;
                }
            }
            if (!replaced) {
                members.add(new Member(name, value));
            }
            return this;
        }

        Object get(String name) {
            return members.stream()
                    .filter(m -> m.name().equals(name))
                    .map(Member::value)
                    .findFirst()
                    .orElse(null);
        }

        Obj remove(String name) {
            members.removeIf(m -> m.name().equals(name));
            return this;
        }

        Obj add(String name, Object value) {
            members.add(new Member(name, value));
            return this;
        }
    }

    /** Written as is: numbers Java cannot hold, deep nesting, tokens that are not JSON at all. */
    record Raw(String text) {}

    static Object deepCopy(Object value) {
        if (value instanceof Obj o) {
            return o.copy();
        }
        if (value instanceof List<?> list) {
            var copied = new ArrayList<Object>();
            list.forEach(v -> copied.add(deepCopy(v)));
            return copied;
        }
        return value;
    }

    static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    static String write(Object value) {
        var out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (value instanceof Obj o) {
            out.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(o.members().get(i).name(), out);
                out.append(':');
                write(o.members().get(i).value(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            var obj = new Obj(List.of());
            map.forEach((k, v) -> obj.add((String) k, v));
            write(obj, out);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Lone surrogates are written as \\u escapes (valid JSON, invalid Unicode); pairs as UTF-8. */
    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
