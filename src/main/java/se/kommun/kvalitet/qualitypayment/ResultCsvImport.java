package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.shared.CsvFile;
import se.kommun.kvalitet.shared.FieldError;

/**
 * {@code POST /api/quality-payment/results/import}: a CSV file as {@link CsvFile} reads it, header
 * {@code provider;contractNumber;period;indicator;value;performedHours;source}. Each row is registered in its own
 * transaction: a bad row stores nothing of itself and does not stop the others. Decimals take a point or a comma.
 */
@Service
class ResultCsvImport {

    static final List<String> COLUMNS = List.of("provider", "contractNumber", "period", "indicator", "value",
            "performedHours", "source");
    static final int MAX_ROWS = 5000;

    private final ResultRegister register;
    private final TransactionTemplate perRow;

    ResultCsvImport(ResultRegister register, PlatformTransactionManager transactions) {
        this.register = register;
        this.perRow = new TransactionTemplate(transactions);
    }

    record RowResult(int row, String provider, String indicator, boolean stored, List<FieldError> errors) {
    }

    record Report(int stored, int refused, List<RowResult> rows) {
    }

    Report importCsv(byte[] bytes, QualityAccess.Actor actor) {
        CsvFile file = CsvFile.read(bytes, COLUMNS, Set.of(), MAX_ROWS);
        List<RowResult> rows = new ArrayList<>();
        for (CsvFile.Row row : file.rows()) {
            rows.add(importRow(file, row, actor));
        }
        int stored = (int) rows.stream().filter(RowResult::stored).count();
        return new Report(stored, rows.size() - stored, rows);
    }

    private RowResult importRow(CsvFile file, CsvFile.Row row, QualityAccess.Actor actor) {
        if (!row.complete()) {
            int fields = row.fields().size();
            return new RowResult(row.line(), null, null, false, List.of(new FieldError("row", "columns", "Raden har "
                    + fields + " fält, rubriken " + row.expected() + " / the row has " + fields + " fields, the "
                    + "header " + row.expected())));
        }
        String provider = file.value(row, "provider");
        String indicator = file.value(row, "indicator");
        List<FieldError> errors = new ArrayList<>();
        BigDecimal value = number(file.value(row, "value"), "value", errors);
        BigDecimal hours = number(file.value(row, "performedHours"), "performedHours", errors);
        if (!errors.isEmpty()) {
            return new RowResult(row.line(), provider, indicator, false, errors);
        }
        ResultInput input = new ResultInput(provider, file.value(row, "contractNumber"), file.value(row, "period"),
                indicator, value, hours, file.value(row, "source"));
        try {
            perRow.executeWithoutResult(status -> register.register(input, actor));
            return new RowResult(row.line(), provider, indicator, true, List.of());
        } catch (InvalidResultException refused) {
            return new RowResult(row.line(), provider, indicator, false, refused.errors());
        } catch (DuplicateKeyException twice) {
            return new RowResult(row.line(), provider, indicator, false, List.of(new FieldError("indicator",
                    "duplicate", "Resultatet finns redan / the result exists")));
        } catch (AccessDeniedException notYours) {
            return new RowResult(row.line(), provider, indicator, false, List.of(new FieldError("provider",
                    "forbidden", "Inte din enhets utförare / not your unit's provider")));
        }
    }

    private static BigDecimal number(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "number", "Ett tal, t.ex. 12 eller 12,5 / a number"));
            return null;
        }
    }
}
