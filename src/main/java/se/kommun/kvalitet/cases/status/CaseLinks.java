package se.kommun.kvalitet.cases.status;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute links to a case's status page that leave the system in e-mails. */
@Component
public class CaseLinks {

    private final String publicBaseUrl;
    private final StatusTokens tokens;

    CaseLinks(@Value("${kvalitet.public-base-url}") String publicBaseUrl, StatusTokens tokens) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.tokens = tokens;
    }

    public String statusUrl(String reference) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl).path("/arende/{reference}")
                .queryParam("token", tokens.tokenFor(reference)).buildAndExpand(reference).toUriString();
    }
}
