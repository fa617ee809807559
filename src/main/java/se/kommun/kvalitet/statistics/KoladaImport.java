package se.kommun.kvalitet.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.shared.FieldError;

/**
 * Reads a file in Kolada API v3's JSON shape ({@code {"values":[{"kpi","municipality","period","values":[{"gender",
 * "count","status","value"}]}]}}) and stores its values, all or nothing: a file with any problem is refused with one
 * {@link FieldError} per problem (its JSON path) and nothing of it is stored.
 */
@Component
class KoladaImport {

    /** More entries than this is not a comparison file but a dump of Kolada. */
    static final int MAX_VALUES = 50_000;

    private final JdbcTemplate jdbc;
    private final KoladaProperties settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    KoladaImport(JdbcTemplate jdbc, KoladaProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    record Value(String kpi, String municipality, int period, String gender, BigDecimal value, Integer count,
            String status) {
    }

    /** What an upload stored. */
    record Report(int values, Set<String> kpis, Set<String> municipalities, Set<Integer> periods) {
    }

    @Transactional
    Report importFile(InputStream file, String importedBy) throws IOException {
        List<Value> values = parse(file);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                insert into app.kolada_value (kpi, municipality, period, gender, value, count, status, imported_at,
                                              imported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (kpi, municipality, period, gender) do update
                set value = excluded.value, count = excluded.count, status = excluded.status,
                    imported_at = excluded.imported_at, imported_by = excluded.imported_by""",
                values.stream().map(v -> new Object[] {v.kpi(), v.municipality(), v.period(), v.gender(), v.value(),
                        v.count(), v.status(), now, importedBy}).toList());
        return new Report(values.size(), new TreeSet<>(values.stream().map(Value::kpi).toList()),
                new TreeSet<>(values.stream().map(Value::municipality).toList()),
                new TreeSet<>(values.stream().map(Value::period).toList()));
    }

    /** The file's values, or a refusal naming every problem in it. */
    List<Value> parse(InputStream file) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(file);
        } catch (JsonProcessingException e) {
            throw new InvalidKoladaFileException(List.of(new FieldError("file", "json",
                    "Filen är inte giltig JSON (rad " + e.getLocation().getLineNr() + ") / the file is not valid JSON "
                            + "(line " + e.getLocation().getLineNr() + ")")));
        }
        if (root == null || !root.isObject() || !root.path("values").isArray()) {
            throw new InvalidKoladaFileException(List.of(new FieldError("values", "required",
                    "Filen ska vara ett objekt med listan \"values\" (Kolada API v3) / the file must be an object with "
                            + "the list \"values\" (Kolada API v3)")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode entries = root.get("values");
        for (int i = 0; i < entries.size(); i++) {
            String at = "values[" + i + "]";
            JsonNode entry = entries.get(i);
            if (!entry.isObject()) {
                errors.add(new FieldError(at, "object", "Ska vara ett objekt / must be an object"));
                continue;
            }
            String kpi = text(entry, "kpi");
            if (kpi == null || !kpi.matches("[A-Z]\\d{5}")) {
                errors.add(new FieldError(at + ".kpi", "kpi",
                        "Ett nyckeltals-id som N15428 / a KPI id such as N15428"));
            }
            String municipality = text(entry, "municipality");
            if (municipality == null || !municipality.matches("\\d{4}")) {
                errors.add(new FieldError(at + ".municipality", "municipality",
                        "Ett fyrsiffrigt kommun-id som 0138 / a four-digit municipality id such as 0138"));
            } else if (!settings.known(municipality)) {
                errors.add(new FieldError(at + ".municipality", "peer",
                        "Varken vår kommun eller en vald jämförelsekommun: " + municipality + " / neither ours nor a "
                                + "chosen peer (kvalitet.statistics.kolada)"));
            }
            JsonNode period = entry.get("period");
            boolean periodOk = period != null && period.isInt() && period.asInt() >= 1990 && period.asInt() <= 2100;
            if (!periodOk) {
                errors.add(new FieldError(at + ".period", "period", "Ett årtal som 2023 / a year such as 2023"));
            }
            JsonNode byGender = entry.get("values");
            if (byGender == null || !byGender.isArray() || byGender.isEmpty()) {
                errors.add(new FieldError(at + ".values", "required",
                        "Minst ett värde per kön (T, K, M) / at least one value by gender (T, K, M)"));
                continue;
            }
            for (int j = 0; j < byGender.size(); j++) {
                String vat = at + ".values[" + j + "]";
                JsonNode v = byGender.get(j);
                if (!v.isObject()) {
                    errors.add(new FieldError(vat, "object", "Ska vara ett objekt / must be an object"));
                    continue;
                }
                String gender = text(v, "gender");
                if (gender == null || !gender.matches("[TKM]")) {
                    errors.add(new FieldError(vat + ".gender", "gender", "T, K eller M / T, K or M"));
                }
                JsonNode value = v.get("value");
                if (value != null && !value.isNull() && !value.isNumber()) {
                    errors.add(new FieldError(vat + ".value", "number", "Ett tal eller null / a number or null"));
                }
                JsonNode count = v.get("count");
                if (count != null && !count.isNull() && !(count.isInt() && count.asInt() >= 0)) {
                    errors.add(new FieldError(vat + ".count", "count",
                            "Ett heltal från 0 eller null / a whole number from 0 or null"));
                }
                JsonNode status = v.get("status");
                if (status != null && !status.isNull() && !(status.isTextual() && status.asText().length() <= 40)) {
                    errors.add(new FieldError(vat + ".status", "status",
                            "En text på högst 40 tecken / a text of at most 40 characters"));
                }
                if (kpi != null && municipality != null && periodOk && gender != null
                        && !seen.add(kpi + "/" + municipality + "/" + period.asInt() + "/" + gender)) {
                    errors.add(new FieldError(vat, "duplicate", "Samma nyckeltal, kommun, år och kön finns redan i "
                            + "filen / the same KPI, municipality, year and gender is already in the file"));
                }
                if (errors.isEmpty()) {
                    values.add(new Value(kpi, municipality, period.asInt(), gender,
                            value == null || value.isNull() ? null : value.decimalValue(),
                            count == null || count.isNull() ? null : count.asInt(),
                            status == null || status.isNull() || status.asText().isEmpty() ? null : status.asText()));
                }
            }
            if (values.size() > MAX_VALUES) {
                throw new InvalidKoladaFileException(List.of(new FieldError("values", "size",
                        "Högst " + MAX_VALUES + " värden per fil / at most " + MAX_VALUES + " values a file")));
            }
            if (errors.size() >= 100) {
                errors.add(new FieldError("values", "more", "Fler fel i filen; rätta dessa först / more problems in "
                        + "the file; correct these first"));
                break;
            }
        }
        if (values.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("values", "required", "Filen har inga värden / the file has no values"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidKoladaFileException(errors);
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
