import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a CSV file shaped like GoHighLevel's contact export (docs/imports.md): its standard columns,
 * 20 custom fields of mixed types by display name, 5 tags per row out of 200 (a few tags on most rows,
 * as real tag use is skewed), about 10 % of the optional cells empty, every row with an email of its own.
 * Also prints, as JSON lines, the custom fields the location needs (with --fields).
 *
 * <pre>java bench/ContactImportData.java 1000000 target/contacts.csv
 * java bench/ContactImportData.java --fields</pre>
 */
public class ContactImportData {

    /** key, display name, type, options */
    private static final String[][] FIELDS = {
        {"industry", "Industry", "text", ""}, {"job_title", "Job Title", "text", ""}, {"referrer", "Referred By", "text", ""},
        {"notes", "Notes", "text", ""}, {"favourite_product", "Favourite Product", "text", ""}, {"utm_campaign", "UTM Campaign", "text", ""},
        {"seats", "Seats", "number", ""}, {"score", "Lead Score", "number", ""}, {"visits", "Visits", "number", ""},
        {"budget", "Budget", "money", ""}, {"lifetime_value", "Lifetime Value", "money", ""},
        {"renewal_date", "Renewal Date", "date", ""}, {"first_order", "First Order", "date", ""}, {"last_order", "Last Order", "date", ""},
        {"newsletter", "Newsletter", "checkbox", ""}, {"vip", "VIP", "checkbox", ""},
        {"plan", "Plan", "singleOption", "free|starter|pro|enterprise"}, {"region", "Sales Region", "singleOption", "north|south|east|west"},
        {"interests", "Interests", "multipleOptions", "email|sms|events|webinars|offers"},
        {"linkedin", "LinkedIn", "url", ""},
    };
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret",
        "Tim", "Radia", "Ken", "Dennis", "Linus", "Guido", "James", "Anita", "Katherine", "Niklaus", "Leslie"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "McCarthy",
        "Hamilton", "Berners-Lee", "Perlman", "Thompson", "Ritchie", "Torvalds", "van Rossum", "Gosling", "Borg", "Johnson",
        "Wirth", "Lamport"};
    private static final String[] AREAS = {"212", "213", "305", "310", "312", "404", "415", "503", "512", "617", "646", "702",
        "713", "718", "805", "917"};
    private static final String[] CITIES = {"New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "Seattle", "Denver",
        "Boston", "Austin", "Portland"};
    private static final String[] STATES = {"NY", "CA", "IL", "TX", "AZ", "WA", "CO", "MA", "TX", "OR"};

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--fields")) {
            for (String[] field : FIELDS) {
                StringBuilder json = new StringBuilder("{\"key\":\"" + field[0] + "\",\"name\":\"" + field[1] + "\",\"type\":\"" + field[2] + "\"");
                if (!field[3].isEmpty()) {
                    json.append(",\"options\":[\"").append(String.join("\",\"", field[3].split("\\|"))).append("\"]");
                }
                System.out.println(json.append('}'));
            }
            return;
        }
        long rows = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(42);
        List<String> header = new ArrayList<>(List.of("Contact Id", "First Name", "Last Name", "Name", "Phone", "Email",
                "Business Name", "Created", "Last Activity", "Tags", "Additional Emails", "Address", "City", "State",
                "Postal Code", "Country", "Source", "DND"));
        for (String[] field : FIELDS) {
            header.add(field[1]);
        }
        LocalDateTime start = LocalDateTime.of(2019, 1, 1, 0, 0);
        try (BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            line(csv, header);
            List<String> cells = new ArrayList<>(header.size());
            for (long i = 0; i < rows; i++) {
                cells.clear();
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                cells.add("c" + Long.toString(i, 36) + "x" + Integer.toString(random.nextInt(1 << 20), 36));
                cells.add(maybe(random, first));
                cells.add(maybe(random, last));
                cells.add(maybe(random, first + " " + last));
                cells.add(maybe(random, "(" + AREAS[random.nextInt(AREAS.length)] + ") " + (200 + random.nextInt(800)) + "-"
                        + String.format("%04d", random.nextInt(10_000))));
                cells.add(first.toLowerCase() + "." + i + "@example" + (i % 97) + ".com");
                cells.add(maybe(random, last + " " + (random.nextBoolean() ? "Inc" : "LLC")));
                cells.add(start.plusMinutes(random.nextInt(3_000_000)) + "Z");
                cells.add(maybe(random, start.plusMinutes(random.nextInt(3_000_000)) + "Z"));
                cells.add(String.join(",", tags(random)));
                cells.add(random.nextInt(10) == 0 ? first.toLowerCase() + "." + i + "@work.example.com" : "");
                cells.add(maybe(random, (1 + random.nextInt(9999)) + " Main Street"));
                int city = random.nextInt(CITIES.length);
                cells.add(maybe(random, CITIES[city]));
                cells.add(maybe(random, STATES[city]));
                cells.add(maybe(random, String.format("%05d", random.nextInt(100_000))));
                cells.add(maybe(random, "US"));
                cells.add(maybe(random, random.nextBoolean() ? "website" : "referral"));
                cells.add(maybe(random, random.nextInt(20) == 0 ? "true" : "false"));
                for (String[] field : FIELDS) {
                    cells.add(maybe(random, value(random, field, i)));
                }
                line(csv, cells);
            }
        }
    }

    /** Five tags of 200; low numbers far more often than high ones. */
    private static Set<String> tags(Random random) {
        Set<String> tags = new LinkedHashSet<>();
        while (tags.size() < 5) {
            double skewed = Math.pow(random.nextDouble(), 3);
            tags.add("tag-" + (int) (skewed * 200));
        }
        return tags;
    }

    private static String value(Random random, String[] field, long i) {
        return switch (field[2]) {
            case "text" -> field[1].toLowerCase() + " " + Long.toString(random.nextInt(5_000), 36);
            case "number" -> Integer.toString(random.nextInt(10_000));
            case "money" -> random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100));
            case "date" -> LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3_000)).toString();
            case "checkbox" -> random.nextBoolean() ? "true" : "false";
            case "singleOption" -> {
                String[] options = field[3].split("\\|");
                yield options[random.nextInt(options.length)];
            }
            case "multipleOptions" -> {
                String[] options = field[3].split("\\|");
                yield options[random.nextInt(options.length)] + "," + options[random.nextInt(options.length)];
            }
            default -> "https://www.linkedin.com/in/person-" + i;
        };
    }

    private static String maybe(Random random, String value) {
        return random.nextInt(10) == 0 ? "" : value;
    }

    private static void line(BufferedWriter csv, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write('"');
            csv.write(cells.get(i).replace("\"", "\"\""));
            csv.write('"');
        }
        csv.write('\n');
    }
}
