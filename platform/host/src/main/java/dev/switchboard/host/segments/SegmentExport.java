package dev.switchboard.host.segments;

import dev.switchboard.core.crm.fields.CustomField;
import dev.switchboard.core.crm.fields.CustomFields;
import dev.switchboard.core.crm.fields.FieldModel;
import dev.switchboard.core.crm.segments.Segments;
import dev.switchboard.core.crm.segments.SqlCondition;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.tenancy.LocationId;
import dev.switchboard.host.CsvCells;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
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
    private static final List<String> STANDARD = List.of("id", "firstName", "lastName", "name", "email", "phone", "companyName",
            "address1", "city", "state", "postalCode", "country", "source", "website", "timezone", "dateOfBirth", "tags", "dnd",
            "createdAt", "updatedAt");
    private static final String SELECT = "c.id, c.first_name, c.last_name, c.name, c.email, c.phone, c.company_name, c.address1, "
            + "c.city, c.state, c.postal_code, c.country, c.source, c.website, c.timezone, c.date_of_birth::text, c.tags, c.dnd, "
            + "c.created_at, c.updated_at, c.custom_fields::text";

    @Inject
    Segments segments;

    @Inject
    CustomFields customFields;

    StreamingOutput csv(LocationId locationId, SqlCondition where) {
        List<CustomField> fields = customFields.list(locationId, FieldModel.CONTACT);
        return output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            List<String> header = new ArrayList<>(STANDARD);
            fields.forEach(field -> header.add(field.name()));
            try (DatabaseScope scope = DatabaseScope.location(locationId.value());
                 CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                UUID after = null;
                while (true) {
                    List<List<String>> rows = segments.after(locationId, where, after, PAGE, SELECT, row -> {
                        List<String> cells = new ArrayList<>();
                        for (int i = 1; i <= 16; i++) {
                            cells.add(row.getString(i));
                        }
                        Array tags = row.getArray(17);
                        cells.add(String.join(", ", (String[]) tags.getArray()));
                        cells.add(Boolean.toString(row.getBoolean(18)));
                        cells.add(row.getObject(19, java.time.OffsetDateTime.class).toString());
                        cells.add(row.getObject(20, java.time.OffsetDateTime.class).toString());
                        JsonObject values = Json.createReader(new StringReader(row.getString(21))).readObject();
                        for (CustomField field : fields) {
                            cells.add(text(values.get(field.id().toString())));
                        }
                        return cells;
                    });
                    for (List<String> cells : rows) {
                        printer.printRecord(cells.stream().map(CsvCells::cell).toList());
                    }
                    if (rows.size() < PAGE) {
                        break;
                    }
                    after = UUID.fromString(rows.get(rows.size() - 1).get(0));
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
