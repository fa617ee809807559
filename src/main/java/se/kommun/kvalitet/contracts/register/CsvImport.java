package se.kommun.kvalitet.contracts.register;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/contracts/import}: a CSV file in UTF-8, with or without a byte-order mark, separated by
 * {@code ;} or {@code ,} (the header line decides), fields optionally in double quotes. Each data row is registered
 * in its own transaction: a bad row stores nothing of itself and does not stop the others. Rows are numbered as
 * lines of the file, the header being row 1.
 */
@Service
public class CsvImport {

    public static final List<String> COLUMNS = List.of("number", "title", "supplier", "organisationNumber", "area",
            "committee", "strategic", "start", "end", "contactEmail", "contractManager", "followUpInterval");
    static final String OPTIONAL_COLUMN = "extendedTo";
    static final int MAX_ROWS = 5000;

    private final ContractRegister register;
    private final TransactionTemplate perRow;

    CsvImport(ContractRegister register, PlatformTransactionManager transactions) {
        this.register = register;
        this.perRow = new TransactionTemplate(transactions);
    }

    /** One row's answer: stored (with the number) or refused (with each field and rule). */
    public record RowResult(int row, String number, boolean stored, List<FieldError> errors) {
    }

    public record Report(int stored, int refused, List<RowResult> rows) {
    }

    /** The file as a whole cannot be read (encoding, header): nothing is stored. */
    public static class UnreadableCsvException extends RuntimeException {

        public UnreadableCsvException(String message) {
            super(message);
        }
    }

    public Report importCsv(InputStream in, String importedBy) throws IOException {
        String text = decode(in.readAllBytes());
        List<String> lines = List.of(text.split("\r\n|\n|\r", -1));
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new UnreadableCsvException("Filen saknar rubrikrad / the file has no header row");
        }
        char separator = lines.get(0).indexOf(';') >= 0 ? ';' : ',';
        List<String> header = fields(lines.get(0), separator).stream().map(String::strip).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
        List<String> missing = COLUMNS.stream().filter(column -> !index.containsKey(column)).toList();
        List<String> unknown = header.stream().filter(column -> !COLUMNS.contains(column)
                && !OPTIONAL_COLUMN.equals(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new UnreadableCsvException("Rubrikraden ska vara " + String.join(String.valueOf(separator), COLUMNS)
                    + "; saknas / missing: " + missing + ", okända / unknown: " + unknown);
        }
        if (lines.size() - 1 > MAX_ROWS) {
            throw new UnreadableCsvException("Högst " + MAX_ROWS + " rader per fil / at most " + MAX_ROWS + " rows");
        }
        List<RowResult> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            rows.add(importRow(i + 1, fields(lines.get(i), separator), header.size(), index, importedBy));
        }
        int stored = (int) rows.stream().filter(RowResult::stored).count();
        return new Report(stored, rows.size() - stored, rows);
    }

    private RowResult importRow(int row, List<String> fields, int columns, Map<String, Integer> index,
            String importedBy) {
        if (fields.size() != columns) {
            return new RowResult(row, null, false, List.of(new FieldError("row", "columns", "Raden har " + fields.size()
                    + " fält, rubriken " + columns + " / the row has " + fields.size() + " fields, the header "
                    + columns)));
        }
        String strategic = field(fields, index, "strategic");
        Boolean strategicValue = strategic == null ? null : switch (strategic.strip().toLowerCase(Locale.ROOT)) {
            case "ja", "true" -> Boolean.TRUE;
            case "nej", "false" -> Boolean.FALSE;
            default -> null;
        };
        NewContract contract = new NewContract(field(fields, index, "number"), field(fields, index, "title"),
                field(fields, index, "supplier"), field(fields, index, "organisationNumber"),
                field(fields, index, "area"), field(fields, index, "committee"), strategicValue,
                field(fields, index, "start"), field(fields, index, "end"), field(fields, index, OPTIONAL_COLUMN),
                field(fields, index, "contactEmail"), field(fields, index, "contractManager"),
                field(fields, index, "followUpInterval"));
        String number = contract.number() == null ? null : contract.number().strip();
        try {
            perRow.executeWithoutResult(status -> register.register(contract, importedBy));
            return new RowResult(row, number, true, List.of());
        } catch (InvalidContractException refused) {
            return new RowResult(row, number, false, refused.errors());
        } catch (DuplicateKeyException twice) {
            // The same number twice in one file, or registered meanwhile: the second is refused like any duplicate.
            return new RowResult(row, number, false, List.of(new FieldError("number", "duplicate",
                    "Avtalsnumret finns redan / the contract number exists")));
        }
    }

    private static String field(List<String> fields, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String value = fields.get(i).strip();
        return value.isEmpty() ? null : value;
    }

    /** UTF-8 strictly (a Latin-1 export is refused rather than stored garbled), without a leading BOM. */
    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableCsvException("Filen är inte UTF-8 / the file is not UTF-8");
        }
    }

    /** One line's fields; a quoted field may hold the separator and doubled quotes (RFC 4180, within a line). */
    static List<String> fields(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

}
