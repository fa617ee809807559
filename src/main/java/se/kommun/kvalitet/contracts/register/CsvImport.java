package se.kommun.kvalitet.contracts.register;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.shared.CsvFile;
import se.kommun.kvalitet.shared.FieldError;

/**
 * {@code POST /api/contracts/import}: a CSV file as {@link CsvFile} reads it (UTF-8, {@code ;} or {@code ,}, quotes,
 * the header naming the columns). Each data row is registered
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

    public Report importCsv(InputStream in, String importedBy) throws IOException {
        CsvFile file = CsvFile.read(in.readAllBytes(), COLUMNS, Set.of(OPTIONAL_COLUMN), MAX_ROWS);
        List<RowResult> rows = new ArrayList<>();
        for (CsvFile.Row row : file.rows()) {
            rows.add(importRow(file, row, importedBy));
        }
        int stored = (int) rows.stream().filter(RowResult::stored).count();
        return new Report(stored, rows.size() - stored, rows);
    }

    private RowResult importRow(CsvFile file, CsvFile.Row line, String importedBy) {
        int row = line.line();
        if (!line.complete()) {
            int fields = line.fields().size();
            return new RowResult(row, null, false, List.of(new FieldError("row", "columns", "Raden har " + fields
                    + " fält, rubriken " + line.expected() + " / the row has " + fields + " fields, the header "
                    + line.expected())));
        }
        String strategic = file.value(line, "strategic");
        Boolean strategicValue = strategic == null ? null : switch (strategic.strip().toLowerCase(Locale.ROOT)) {
            case "ja", "true" -> Boolean.TRUE;
            case "nej", "false" -> Boolean.FALSE;
            default -> null;
        };
        NewContract contract = new NewContract(file.value(line, "number"), file.value(line, "title"),
                file.value(line, "supplier"), file.value(line, "organisationNumber"),
                file.value(line, "area"), file.value(line, "committee"), strategicValue,
                file.value(line, "start"), file.value(line, "end"), file.value(line, OPTIONAL_COLUMN),
                file.value(line, "contactEmail"), file.value(line, "contractManager"),
                file.value(line, "followUpInterval"));
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
}
