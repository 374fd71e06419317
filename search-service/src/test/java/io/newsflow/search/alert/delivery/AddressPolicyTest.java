package io.newsflow.search.alert.delivery;

import io.newsflow.search.alert.delivery.AddressPolicy.AddressClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "::1, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "fc00::1, PRIVATE",
            "fd12:3456::1, PRIVATE",
            "fec0::1, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "fe80::1, LINK_LOCAL",
            "febf::1, LINK_LOCAL",
            "0.0.0.0, UNSPECIFIED",
            "::, UNSPECIFIED",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "ff02::1, MULTICAST",
            "100.64.0.1, CARRIER_GRADE_NAT",
            "100.127.255.255, CARRIER_GRADE_NAT",
            "0.1.2.3, RESERVED",
            "240.0.0.1, RESERVED",
            "255.255.255.255, RESERVED",
            "192.0.2.1, RESERVED",
            "198.18.0.1, RESERVED",
            "198.51.100.7, RESERVED",
            "203.0.113.5, RESERVED",
            "2001:db8::1, RESERVED",
            // IPv6 forms that carry an IPv4 address are judged by it
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.0.0.1, PRIVATE",
            "::127.0.0.1, LOOPBACK",
            "::169.254.169.254, LINK_LOCAL",
            "::2, RESERVED",
            "64:ff9b::7f00:1, LOOPBACK",
            "64:ff9b::a9fe:a9fe, LINK_LOCAL",
            "2002:7f00:1::1, LOOPBACK",
            "2002:c0a8:101::1, PRIVATE",
    })
    void addressesThatAreNotPublicAreClassified(String address, AddressClass expected) throws Exception {
        assertThat(AddressPolicy.classify(InetAddress.getByName(address))).contains(expected);
        assertThat(AddressPolicy.publicOnly().allows(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "169.253.255.255", "192.169.0.1", "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001::200e",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesAreAllowedByDefault(String address) throws Exception {
        assertThat(AddressPolicy.classify(InetAddress.getByName(address))).isEmpty();
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void theMappedFormIsJudgedLikeItsIpv4AddressAlsoWhenJavaKeepsItAsIpv6() throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; an address built from bytes stays IPv6
        Inet6Address mapped = mapped(127, 0, 0, 1);
        assertThat(mapped).isInstanceOf(Inet6Address.class);

        assertThat(AddressPolicy.classify(mapped)).contains(AddressClass.LOOPBACK);
        assertThat(AddressPolicy.publicOnly().allows(mapped)).isFalse();
        assertThat(AddressPolicy.allowing(List.of("loopback")).allows(mapped)).isTrue();
        assertThat(AddressPolicy.allowing(List.of("127.0.0.0/8")).allows(mapped)).isTrue();
        assertThat(AddressPolicy.publicOnly().allows(mapped(8, 8, 8, 8))).isTrue();
    }

    @Test
    void theRefusalSaysWhatTheAddressIsAndWhichPropertyAllowsIt() throws Exception {
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName("127.0.0.1"))).contains(
                "refused: 127.0.0.1 is a loopback address; allow it with "
                        + "newsflow.search.alerts.webhook.allowed-networks");
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName("169.254.169.254")))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("169.254.169.254 is a link-local address"));
        assertThat(AddressPolicy.publicOnly().refusal(InetAddress.getByName("100.64.1.1")))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("a carrier-grade NAT address"));
    }

    @ParameterizedTest
    @CsvSource({
            "loopback, 127.0.0.1, true",
            "loopback, 127.8.9.10, true",
            "loopback, ::1, true",
            "loopback, ::ffff:127.0.0.1, true",
            "loopback, 10.0.0.1, false",
            "loopback, 0.0.0.0, false",
            "' Loopback ', 127.0.0.1, true",
            "private, 10.1.2.3, true",
            "private, 172.20.0.1, true",
            "private, 192.168.0.10, true",
            "private, fd00::5, true",
            "private, 127.0.0.1, false",
            "private, 100.64.0.1, false",
            "link-local, 169.254.169.254, true",
            "link-local, fe80::1, true",
            "link-local, 10.0.0.1, false",
            "10.1.0.0/16, 10.1.255.254, true",
            "10.1.0.0/16, ::ffff:10.1.0.9, true",
            "10.1.0.0/16, 10.2.0.1, false",
            "10.1.0.0/16, 10.0.255.255, false",
            "172.16.0.0/12, 172.31.0.1, true",
            "172.16.0.0/12, 192.168.0.1, false",
            "100.64.0.7, 100.64.0.7, true",
            "100.64.0.7, 100.64.0.8, false",
            "100.64.0.0/10, 100.127.0.1, true",
            "fd00:1::/32, fd00:1:ffff::1, true",
            "fd00:1::/32, fd00:2::1, false",
            "fd00:1::/32, 10.0.0.1, false",
            "0.0.0.0/0, 192.168.3.3, true",
            "0.0.0.0/0, fd00::1, false",
    })
    void configurationAllowsClassesAndNetworks(String entry, String address, boolean allowed) throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of(entry));

        assertThat(policy.allows(InetAddress.getByName(address))).isEqualTo(allowed);
        assertThat(policy.allows(InetAddress.getByName("8.8.8.8"))).as("public stays allowed").isTrue();
    }

    @Test
    void severalEntriesAddUp() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("loopback", "10.1.0.0/16", ""));

        assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("10.1.0.1"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(policy.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything", "public", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "fd00::/129",
            "webhooks.example.com", "10.0.0", "256.1.1.1"})
    void anEntryThatIsNeitherAWordNorANetworkStopsTheStart(String entry) {
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AddressPolicy.PROPERTY)
                .hasMessageContaining(entry);
    }

    @Test
    void literalsAreParsedWithoutDnsAndNamesAreNotLiterals() {
        assertThat(AddressPolicy.literal("127.0.0.1")).map(InetAddress::getHostAddress).contains("127.0.0.1");
        assertThat(AddressPolicy.literal("[::1]")).map(InetAddress::getHostAddress).contains("0:0:0:0:0:0:0:1");
        assertThat(AddressPolicy.literal("::1")).isPresent();
        assertThat(AddressPolicy.literal("localhost")).isEmpty();
        assertThat(AddressPolicy.literal("example.com")).isEmpty();
        assertThat(AddressPolicy.literal("127.1")).isEmpty();
        assertThat(AddressPolicy.literal("1:2:3")).isEmpty();
    }

    private static Inet6Address mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }
}
