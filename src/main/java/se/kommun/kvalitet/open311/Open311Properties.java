package se.kommun.kvalitet.open311;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jurisdictionId the one jurisdiction_id accepted (the municipality's domain); any other is a 404
 * @param contact        discovery's contact: who answers questions about the API
 * @param keyService     discovery's key_service: how an app gets a key
 * @param changeset      when the API's behaviour last changed (discovery)
 * @param attributes     extra questions per service_code (category), in the order asked
 */
@ConfigurationProperties("kvalitet.open311")
record Open311Properties(@DefaultValue("kommun.example") String jurisdictionId,
        @DefaultValue("Kontaktcenter, kontaktcenter@kommun.example") String contact,
        @DefaultValue("En API-nyckel per app: be kommunens administratör om en. / One key per app: ask the municipality's administrator.") String keyService,
        @DefaultValue("2026-12-01T00:00:00Z") Instant changeset,
        Map<String, List<Attribute>> attributes) {

    Open311Properties {
        attributes = attributes == null ? Map.of() : attributes;
    }

    List<Attribute> attributesOf(String serviceCode) {
        return attributes.getOrDefault(serviceCode, List.of());
    }

    enum Datatype { STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST }

    record Attribute(String code, Datatype datatype, boolean required, String descriptionSv, String descriptionEn,
            List<Value> values) {

        Attribute {
            values = values == null ? List.of() : values;
        }

        String description(Locale locale) {
            return "en".equals(locale.getLanguage()) && descriptionEn != null ? descriptionEn : descriptionSv;
        }
    }

    record Value(String key, String nameSv, String nameEn) {

        String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameSv;
        }
    }
}
