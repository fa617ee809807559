package se.kommun.kvalitet.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a login's or a bearer token's claims become our groups ({@code kvalitet.oidc}).
 *
 * @param groupsClaim    the claim that lists the user's groups at the provider (Entra ID and Keycloak: {@code groups})
 * @param groupMapping   provider group id (an Entra ID object id, a Keycloak group path) to our group id; a claim
 *                       value that is one of our group ids maps to itself, any other is ignored
 * @param serviceGroup   the group of an integration's client-credentials token, which carries no groups
 * @param serviceClients the client ids ({@code azp}, {@code client_id} or {@code appid}) whose tokens without groups
 *                       get {@code serviceGroup}; a user's token without groups never does
 */
@ConfigurationProperties("kvalitet.oidc")
record OidcProperties(@DefaultValue("groups") String groupsClaim, Map<String, String> groupMapping,
        String serviceGroup, List<String> serviceClients) {

    OidcProperties {
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
        serviceClients = serviceClients == null ? List.of() : List.copyOf(serviceClients);
        serviceGroup = serviceGroup == null || serviceGroup.isBlank() ? null : serviceGroup;
    }
}
