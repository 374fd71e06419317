package io.newsflow.search.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether a form POST came from a page of this site. Browsers send HTTP Basic credentials with every request to the
 * site, a form another site posts here included, so the pages that change something refuse what another site sent
 * (cross-site request forgery). A browser says where a POST comes from: {@code Sec-Fetch-Site} (sent to https and
 * localhost) and {@code Origin} (sent with every POST); a client that is no browser (curl) sends neither and cannot
 * be driven by another site, so it passes.
 */
final class FormOrigin {
    private FormOrigin() {
    }

    /**
     * @param fetchSite the {@code Sec-Fetch-Site} header, or {@code null}
     * @param origin    the {@code Origin} header, or {@code null}
     * @param host      the authority the request was addressed to (HTTP/1.1's {@code Host} header, HTTP/2's
     *                  {@code :authority})
     */
    static boolean sameOrigin(String fetchSite, String origin, String host) {
        if (fetchSite != null) {
            // "same-site" is another origin of the site (another port or subdomain): not this service's page either
            return fetchSite.equalsIgnoreCase("same-origin");
        }
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            // "null" (a sandboxed frame, a redirect across sites) has no authority and is refused
            String authority = new URI(origin.strip()).getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(withoutDefaultPort(host, origin));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The addressed authority as the Origin header writes it: lower case, without the scheme's default port. */
    private static String withoutDefaultPort(String host, String origin) {
        String authority = host.strip().toLowerCase(Locale.ROOT);
        String defaultPort = origin.regionMatches(true, 0, "https:", 0, 6) ? ":443" : ":80";
        return authority.endsWith(defaultPort) ? authority.substring(0, authority.length() - defaultPort.length()) : authority;
    }
}
