package pos.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client a request comes from, for limits per client: the connection's remote address, or, when that is a
 * configured trusted proxy, the nearest {@code X-Forwarded-For} hop that is not a trusted proxy (walking from the
 * right, because only the hops our own proxies appended can be believed; anything further left is whatever the
 * client chose to send). No proxy is trusted by default, so the header is ignored unless configured.
 */
public final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** Hops beyond this are not read: a proxy chain is a few hops long, a header of thousands is an attack. */
    static final int MAX_HOPS = 20;

    private static final int MAX_ADDRESS_LENGTH = 64;
    /** IP literals only: anything else would make InetAddress ask DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]{7,15}|[0-9A-Fa-f:.]{2,45}");

    private final List<Range> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}) of our own proxies */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .filter(s -> !s.isBlank())
                .map(Range::parse)
                .toList();
    }

    public String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrusted(remote)) {
            return remote;
        }
        var hops = hops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? remote : hops.get(0);
    }

    private boolean isTrusted(String address) {
        var parsed = literal(address);
        return parsed.isPresent() && trustedProxies.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /** The last {@link #MAX_HOPS} hops, left to right, read from the end so a huge header costs nothing more. */
    private static List<String> hops(HttpServletRequest request) {
        var headers = Collections.list(request.getHeaders(FORWARDED_FOR));
        var hops = new ArrayList<String>();
        for (int h = headers.size() - 1; h >= 0 && hops.size() < MAX_HOPS; h--) {
            String header = headers.get(h);
            int end = header.length();
            while (end > 0 && hops.size() < MAX_HOPS) {
                int start = header.lastIndexOf(',', end - 1);
                String hop = header.substring(start + 1, end).strip();
                if (!hop.isEmpty()) {
                    hops.add(hop.length() > MAX_ADDRESS_LENGTH ? hop.substring(0, MAX_ADDRESS_LENGTH) : hop);
                }
                end = Math.max(start, 0);
            }
        }
        Collections.reverse(hops);
        return hops;
    }

    private static Optional<InetAddress> literal(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefixLength) {

        static Range parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            var address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + cidr));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixLength; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
