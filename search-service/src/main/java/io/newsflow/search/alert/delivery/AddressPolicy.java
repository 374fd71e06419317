package io.newsflow.search.alert.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses a webhook may be sent to. A webhook URL is given by a user, and the server sends from inside the
 * operator's network: without this, a saved search could make the service POST to its own admin endpoints, the
 * cloud's metadata service (169.254.169.254) or anything else only reachable from within. So every address that is
 * not public is refused unless configuration allows it: by class ({@code loopback}, {@code private},
 * {@code link-local}) or by network (CIDR). IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4)
 * are judged by that IPv4 address.
 */
public final class AddressPolicy {
    /** The property that allows refused classes or networks; named in every refusal. */
    public static final String PROPERTY = "newsflow.search.alerts.webhook.allowed-networks";

    /** The kinds of address that are refused unless allowed; an address of none of them is public. */
    public enum AddressClass {
        LOOPBACK("a loopback address", "loopback"),
        LINK_LOCAL("a link-local address", "link-local"),
        PRIVATE("a private address", "private"),
        UNSPECIFIED("an unspecified address", null),
        MULTICAST("a multicast address", null),
        CARRIER_GRADE_NAT("a carrier-grade NAT address", null),
        RESERVED("a reserved address", null);

        private final String description;
        private final String word;

        AddressClass(String description, String word) {
            this.description = description;
            this.word = word;
        }

        /** As in a sentence: "a loopback address". */
        public String description() {
            return description;
        }
    }

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Set<AddressClass> allowedClasses;
    private final List<Network> allowedNetworks;

    private AddressPolicy(Set<AddressClass> allowedClasses, List<Network> allowedNetworks) {
        this.allowedClasses = allowedClasses;
        this.allowedNetworks = allowedNetworks;
    }

    /** Public addresses only: the default. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(EnumSet.noneOf(AddressClass.class), List.of());
    }

    /**
     * Public addresses and those the entries allow: the words {@code loopback}, {@code private}, {@code link-local}
     * and networks such as {@code 10.1.0.0/16}, {@code fd00::/8} or a single address ({@code 100.64.0.7}).
     *
     * @throws IllegalArgumentException naming the entry that is neither (the service does not start with it)
     */
    public static AddressPolicy allowing(Collection<String> entries) {
        Set<AddressClass> classes = EnumSet.noneOf(AddressClass.class);
        List<Network> networks = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            Optional<AddressClass> word = wordClass(entry.toLowerCase(Locale.ROOT));
            if (word.isPresent()) {
                classes.add(word.get());
            } else {
                networks.add(Network.parse(entry));
            }
        }
        return new AddressPolicy(classes, List.copyOf(networks));
    }

    /** The policy of {@code newsflow.search.alerts.webhook.allowed-networks}. */
    public static AddressPolicy from(WebhookConfig config) {
        return allowing(config.allowedNetworks().orElse(List.of()));
    }

    /** Whether a connection to the address is allowed. */
    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /**
     * Why the address is refused, for the delivery's record and the user: "refused: 127.0.0.1 is a loopback
     * address; allow it with newsflow.search.alerts.webhook.allowed-networks"; empty when it is allowed.
     */
    public Optional<String> refusal(InetAddress address) {
        Optional<AddressClass> addressClass = classify(address);
        if (addressClass.isEmpty() || allowedClasses.contains(addressClass.get()) || inAllowedNetwork(address)) {
            return Optional.empty();
        }
        return Optional.of("refused: " + address.getHostAddress() + " is " + addressClass.get().description()
                + "; allow it with " + PROPERTY);
    }

    /** The class of a non-public address; empty for a public one. */
    public static Optional<AddressClass> classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyIpv4(bytes);
        }
        return embeddedIpv4(bytes).map(AddressPolicy::classifyIpv4).orElseGet(() -> classifyIpv6(bytes));
    }

    /**
     * The address when {@code host} is an IP literal (a dotted IPv4 address, or IPv6 with or without brackets),
     * found without asking DNS; empty for a host name.
     */
    static Optional<InetAddress> literal(String host) {
        String text = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = DOTTED_QUAD.matcher(text).matches();
        boolean ipv6 = text.contains(":") && IPV6_TEXT.matcher(text).matches();
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // a literal is parsed, never looked up
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean inAllowedNetwork(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<byte[]> embedded = address instanceof Inet6Address ? embeddedIpv4(bytes) : Optional.empty();
        for (Network network : allowedNetworks) {
            if (network.contains(bytes) || embedded.filter(network::contains).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<AddressClass> wordClass(String word) {
        for (AddressClass addressClass : AddressClass.values()) {
            if (word.equals(addressClass.word)) {
                return Optional.of(addressClass);
            }
        }
        return Optional.empty();
    }

    private static Optional<AddressClass> classifyIpv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0 && b1 == 0 && b2 == 0 && a[3] == 0) {
            return Optional.of(AddressClass.UNSPECIFIED);
        }
        if (b0 == 127) {
            return Optional.of(AddressClass.LOOPBACK);
        }
        if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            return Optional.of(AddressClass.PRIVATE);
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of(AddressClass.LINK_LOCAL);
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return Optional.of(AddressClass.CARRIER_GRADE_NAT);
        }
        if ((b0 & 0xf0) == 224) {
            return Optional.of(AddressClass.MULTICAST);
        }
        // "this network" 0/8, 240/4 with broadcast, IETF protocol assignments, the documentation and benchmarking
        // networks: nothing a receiver is reached at
        if (b0 == 0 || (b0 & 0xf0) == 240
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2))
                || (b0 == 198 && (b1 & 0xfe) == 18)
                || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return Optional.of(AddressClass.RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<AddressClass> classifyIpv6(byte[] a) {
        if (allZero(a, 0, 16)) {
            return Optional.of(AddressClass.UNSPECIFIED);
        }
        if (allZero(a, 0, 15) && a[15] == 1) {
            return Optional.of(AddressClass.LOOPBACK);
        }
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of(AddressClass.LINK_LOCAL);
        }
        // unique local fc00::/7 and the deprecated site-local fec0::/10
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return Optional.of(AddressClass.PRIVATE);
        }
        if (b0 == 0xff) {
            return Optional.of(AddressClass.MULTICAST);
        }
        // documentation 2001:db8::/32, discard-only 100::/64, local-use NAT64 64:ff9b:1::/48
        boolean documentation = b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8;
        boolean discard = b0 == 0x01 && b1 == 0 && allZero(a, 2, 8);
        boolean localNat64 = b0 == 0 && b1 == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && a[4] == 0 && a[5] == 1;
        if (documentation || discard || localNat64) {
            return Optional.of(AddressClass.RESERVED);
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries: mapped ::ffff:0:0/96, compatible ::/96, NAT64 64:ff9b::/96, 6to4. */
    private static Optional<byte[]> embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return Optional.empty();
        }
        boolean mapped = allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        // :: and ::1 are IPv6's own unspecified and loopback, not the compatible forms of 0.0.0.0 and 0.0.0.1
        boolean compatible = allZero(a, 0, 12) && !(allZero(a, 12, 15) && (a[15] == 0 || a[15] == 1));
        boolean nat64 = a[0] == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b
                && allZero(a, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {a[12], a[13], a[14], a[15]});
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {a[2], a[3], a[4], a[5]});
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An allowed network: an address and how many of its leading bits must match. */
    private record Network(byte[] address, int prefixLength) {

        static Network parse(String cidr) {
            int slash = cidr.indexOf('/');
            String addressText = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress address = literal(addressText).orElseThrow(() -> new IllegalArgumentException(
                    PROPERTY + ": '" + cidr + "' is neither loopback, private, link-local nor a network such as "
                            + "10.1.0.0/16 or fd00::/8"));
            byte[] bytes = address.getAddress();
            int bits = bytes.length * 8;
            int prefixLength = bits;
            if (slash >= 0) {
                try {
                    prefixLength = Integer.parseInt(cidr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefixLength = -1;
                }
                if (prefixLength < 0 || prefixLength > bits) {
                    throw new IllegalArgumentException(PROPERTY + ": '" + cidr + "' needs a prefix length from 0 to "
                            + bits);
                }
            }
            return new Network(bytes, prefixLength);
        }

        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int restBits = prefixLength % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - restBits)) & 0xff;
            return (other[fullBytes] & mask) == (address[fullBytes] & mask);
        }
    }
}
