package fi.yhdyspinta.testsupport.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who calls: the claims of DESIGN §7 — {@code sub}, {@code org} (organisation OID), {@code sector},
 * roles in {@code groups}, and {@code hetu} for clients.
 */
public record TestUser(String sub, String org, String sector, Set<String> roles, String hetu) {

    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("preferred_username", sub);
        if (org != null) {
            claims.put("org", org);
        }
        if (sector != null) {
            claims.put("sector", sector);
        }
        claims.put("groups", List.copyOf(roles));
        if (hetu != null) {
            claims.put("hetu", hetu);
        }
        return claims;
    }
}
