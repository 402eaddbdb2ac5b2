package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.Extension;
import dev.switchboard.api.PluginException;
import dev.switchboard.api.imports.ContactImporter;
import dev.switchboard.api.imports.ImportContext;
import dev.switchboard.api.imports.Importer;
import dev.switchboard.api.schema.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestImportContextTest {

    /** How many records to read, ten a page. */
    public record Numbers(@Field(required = true, minimum = 1) int count) {
    }

    /** Reads {@code n<i>@example.test}; record 7 has no email and is rejected, record 13 names an unknown field. */
    @Extension
    @Importer(id = "test.numbers", name = "Numbers", source = Numbers.class)
    public static final class NumberImporter implements ContactImporter<Numbers> {

        @Override
        public void importContacts(Numbers source, ImportContext context) {
            int next = context.checkpoint().map(Integer::parseInt).orElse(0);
            context.expect(source.count());
            while (next < source.count() && !context.cancelled()) {
                int end = Math.min(source.count(), next + 10);
                Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
                for (int i = next; i < end; i++) {
                    if (i == 7) {
                        context.reject("n-7", "no email");
                    } else if (i == 13) {
                        rows.put("n-13", Map.of("shoeSize", 42));
                    } else {
                        rows.put("n-" + i, Map.of("email", "n" + i + "@example.test", "tags", List.of("numbers")));
                    }
                }
                context.accept(rows, String.valueOf(end));
                next = end;
            }
        }
    }

    @Test
    void anImportHandsOverItsPagesCheckpointsAndRejections() throws PluginException {
        TestImportContext context = TestImportContext.of(Map.of("count", "25"));

        context.run(new NumberImporter());

        assertThat(context.rows()).hasSize(23).containsKey("n-24").doesNotContainKeys("n-7", "n-13");
        assertThat(context.rejections()).containsEntry("n-7", "no email").containsKey("n-13");
        assertThat(context.rejections().get("n-13")).contains("shoeSize");
        assertThat(context.checkpoints()).containsExactly("10", "20", "25");
        assertThat(context.expected()).hasValue(25);
    }

    @Test
    void aResumedImportStartsAfterItsCheckpointAndACancelledOneStops() throws PluginException {
        TestImportContext resumed = TestImportContext.of(Map.of("count", "25")).resumingFrom("20");
        resumed.run(new NumberImporter());
        assertThat(resumed.rows().keySet()).containsExactly("n-20", "n-21", "n-22", "n-23", "n-24");

        TestImportContext cancelled = TestImportContext.of(Map.of("count", "100")).cancelAfterPages(2);
        cancelled.run(new NumberImporter());
        assertThat(cancelled.checkpoints()).containsExactly("10", "20");
        assertThat(cancelled.cancelled()).isTrue();
    }

    @Test
    void choicesThatDoNotFitTheSourceAreRefusedAsThePlatformRefusesThem() {
        assertThatThrownBy(() -> TestImportContext.of(Map.of()).run(new NumberImporter()))
                .isInstanceOf(PluginException.class).hasMessageContaining("count");
    }
}
