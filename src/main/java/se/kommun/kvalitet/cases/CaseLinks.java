package se.kommun.kvalitet.cases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute links that leave the system in e-mails: the status page and Tasklist. */
@Component
class CaseLinks {

    private final String publicBaseUrl;
    private final StatusTokens tokens;

    CaseLinks(@Value("${kvalitet.public-base-url}") String publicBaseUrl, StatusTokens tokens) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.tokens = tokens;
    }

    String statusUrl(String reference) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl).path("/arende/{reference}")
                .queryParam("token", tokens.tokenFor(reference)).buildAndExpand(reference).toUriString();
    }

    String taskUrl(String taskId) {
        return publicBaseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    String tasklistUrl() {
        return publicBaseUrl + "/camunda/app/tasklist/default/";
    }
}
