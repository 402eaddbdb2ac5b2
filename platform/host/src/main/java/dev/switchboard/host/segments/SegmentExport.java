package dev.switchboard.host.segments;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.segments.ExportedContact;
import dev.switchboard.core.crm.segments.Segments;
import dev.switchboard.core.crm.segments.SqlCondition;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.host.CsvCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a segment's contacts as CSV while reading them, a page of {@value #PAGE} at a time in the
 * order of their ids, so that an export of a million contacts holds one page in memory. Cells that a
 * spreadsheet would read as formulas are written as text.
 */
@ApplicationScoped
public class SegmentExport {

    static final int PAGE = 1_000;

    @Inject
    Segments segments;

    @Inject
    CustomFields customFields;

    StreamingOutput csv(LocationId locationId, SqlCondition where) {
        List<CustomField> fields = customFields.list(locationId, FieldModel.CONTACT);
        return output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>(List.of("id"));
            header.addAll(ExportedContact.FIELDS);
            header.addAll(List.of("tags", "dnd", "createdAt", "updatedAt"));
            fields.forEach(field -> header.add(field.name()));
            try (DatabaseScope scope = DatabaseScope.location(locationId.value());
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                UUID after = null;
                while (true) {
                    List<ExportedContact> page = segments.exportPage(locationId, where, after, PAGE);
                    for (ExportedContact contact : page) {
                        List<String> cells = new ArrayList<>();
                        cells.add(contact.id().toString());
                        cells.addAll(contact.fields());
                        cells.add(String.join(", ", contact.tags()));
                        cells.add(Boolean.toString(contact.dnd()));
                        cells.add(contact.createdAt().toString());
                        cells.add(contact.updatedAt().toString());
                        for (CustomField field : fields) {
                            cells.add(text(contact.customFields().get(field.id().toString())));
                        }
                        printer.printRecord(cells.stream().map(CsvCells::cell).toList());
                    }
                    if (page.size() < PAGE) {
                        break;
                    }
                    after = page.get(page.size() - 1).id();
                    printer.flush();
                }
            }
        };
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(SegmentExport::text).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** A file name made of the segment's name: letters, digits, dashes. */
    static String fileName(String name) {
        String safe = name.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        return safe.isEmpty() ? "segment" : safe.length() > 80 ? safe.substring(0, 80) : safe;
    }
}
