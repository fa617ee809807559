package se.kommun.kvalitet.cases.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The categories, read from the table once per JVM: only Flyway migrations write it, and they run before the
 * application starts, so a new or changed category arrives with a restart. Every public form view and every
 * {@code GET /api/categories} read the table before (a transaction and a query each; docs/performance.md).
 */
@Component
public class Categories {

    /** The list as {@code GET /api/categories} answers it, serialized once, and its entity tag. */
    public record Published(byte[] json, String etag) {
    }

    private record Loaded(List<Category> all, Map<String, Category> byCode, Published published) {
    }

    private final CategoryRepository repository;
    private final ObjectMapper objectMapper;
    private volatile Loaded loaded;

    Categories(CategoryRepository repository, ObjectMapper objectMapper) {
        this.repository = repository;
        this.objectMapper = objectMapper;
    }

    /** All categories in their sort order. */
    public List<Category> all() {
        return loaded().all();
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(loaded().byCode().get(code));
    }

    public Published published() {
        return loaded().published();
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = load();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private Loaded load() {
        List<Category> all = List.copyOf(repository.findAllByOrderBySortOrder());
        List<Map<String, Object>> json = all.stream().map(category -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("code", category.code());
            fields.put("kind", category.kind().name());
            // Ordered: Map.of's order changes from JVM to JVM, and with it the entity tag.
            Map<String, String> label = new LinkedHashMap<>();
            label.put("sv", category.labelSv());
            label.put("en", category.labelEn());
            fields.put("label", label);
            return fields;
        }).toList();
        try {
            byte[] body = objectMapper.writeValueAsBytes(json);
            return new Loaded(all, all.stream().collect(Collectors.toUnmodifiableMap(Category::code, Function.identity())),
                    new Published(body, etag(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Categories could not be serialized", e);
        }
    }

    /** From the content, so every node of a cluster answers the same tag for the same list. */
    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
