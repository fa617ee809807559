package se.kommun.kvalitet.open311;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The two formats GeoReport v2 names by the path's suffix: {@code .json} and {@code .xml}. */
enum Format {
    // GeoReport v2: UTF-8 everywhere, named in the Content-Type.
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    /** @return null for any other suffix */
    static Format of(String suffix) {
        return switch (suffix == null ? "" : suffix.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "xml" -> XML;
            default -> null;
        };
    }

    /** @param root and {@code item}: the XML names; JSON is the tree as it is */
    ResponseEntity<byte[]> answer(HttpStatus status, ObjectMapper json, String root, String item, JsonNode tree) {
        try {
            byte[] body = this == JSON ? json.writeValueAsBytes(tree) : XmlDocument.of(root, item, tree);
            return ResponseEntity.status(status).contentType(mediaType).body(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }
}
