package se.kommun.kvalitet.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one reader of the CSV files officers import (contracts, quality-payment results): UTF-8 strictly, with or
 * without a byte-order mark, separated by {@code ;} or {@code ,} (the header line decides), fields optionally in
 * double quotes (RFC 4180, within a line). The header must name every required column and nothing unknown; rows
 * are numbered as lines of the file, the header being row 1, and blank lines are skipped. What a row means is the
 * importing module's business: this only reads. And the one writer of the CSV files officers open in Excel
 * (statistics, the quality-payment period report): {@link #write}.
 */
public final class CsvFile {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<Row> rows;

    private CsvFile(List<String> header, Map<String, Integer> index, List<Row> rows) {
        this.header = header;
        this.index = index;
        this.rows = rows;
    }

    /** The file as a whole cannot be read (encoding, header, size): the importer stores nothing. */
    public static class UnreadableCsvException extends RuntimeException {

        public UnreadableCsvException(String message) {
            super(message);
        }
    }

    /** One data row: its line number, and its fields, or none if their count differs from the header's. */
    public record Row(int line, List<String> fields, int expected) {

        public boolean complete() {
            return fields.size() == expected;
        }
    }

    /**
     * A file for Excel in Swedish: UTF-8 with a byte-order mark (else Excel reads å, ä, ö as Latin-1), {@code ;}
     * between fields, CRLF after each line, and a field holding {@code ;}, a quote or a line break in double quotes.
     * Numbers come formatted by the caller (a decimal comma needs no quotes here).
     */
    public static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (i > 0) {
                csv.append(';');
            }
            if (field.indexOf(';') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }

    public static CsvFile read(byte[] bytes, List<String> required, Collection<String> optional, int maxRows) {
        String text = decode(bytes);
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
        List<String> missing = required.stream().filter(column -> !index.containsKey(column)).toList();
        List<String> unknown = header.stream().filter(column -> !required.contains(column)
                && !optional.contains(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new UnreadableCsvException("Rubrikraden ska vara " + String.join(String.valueOf(separator), required)
                    + "; saknas / missing: " + missing + ", okända / unknown: " + unknown);
        }
        if (lines.size() - 1 > maxRows) {
            throw new UnreadableCsvException("Högst " + maxRows + " rader per fil / at most " + maxRows + " rows");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(new Row(i + 1, fields(lines.get(i), separator), header.size()));
            }
        }
        return new CsvFile(header, index, rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public int columns() {
        return header.size();
    }

    /** A row's value of a column, stripped; null when the column is absent or the field empty. */
    public String value(Row row, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String value = row.fields().get(i).strip();
        return value.isEmpty() ? null : value;
    }

    /** UTF-8 strictly (a Latin-1 export is refused rather than stored garbled), without a leading BOM. */
    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UnreadableCsvException("Filen är inte UTF-8 / the file is not UTF-8");
        }
    }

    /** One line's fields; a quoted field may hold the separator and doubled quotes. */
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
