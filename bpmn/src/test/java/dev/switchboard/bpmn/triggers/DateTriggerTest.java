package dev.switchboard.bpmn.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Process;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.junit.jupiter.api.Test;

class DateTriggerTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void firesOnTheDateMovedByTheOffsetAtTheTimeInTheZone() {
        DateTrigger renewal = new DateTrigger("renewal", -30, LocalTime.of(10, 0), false);
        assertThat(renewal.moment(LocalDate.of(2027, 3, 15), 1999, AUCKLAND))
                .isEqualTo(ZonedDateTime.of(2027, 2, 13, 10, 0, 0, 0, AUCKLAND));
    }

    @Test
    void aYearlyDateFiresOnItsAnniversaryAndTheTwentyNinthOfFebruaryOnTheTwentyEighth() {
        DateTrigger birthday = new DateTrigger("dateOfBirth", 0, LocalTime.of(9, 0), true);
        assertThat(birthday.moment(LocalDate.of(1990, 11, 27), 2026, AUCKLAND).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(birthday.moment(LocalDate.of(2000, 2, 29), 2027, AUCKLAND).toLocalDate()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(birthday.moment(LocalDate.of(2000, 2, 29), 2028, AUCKLAND).toLocalDate()).isEqualTo(LocalDate.of(2028, 2, 29));
        DateTrigger dayBefore = new DateTrigger("dateOfBirth", -1, LocalTime.of(9, 0), true);
        assertThat(dayBefore.moment(LocalDate.of(1990, 1, 1), 2027, AUCKLAND).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void readsTheStartEventsDateTriggerAndNamesWhatIsWrong() {
        assertThat(DateTrigger.of(process("field=\"dateOfBirth\" time=\"08:30\" yearly=\"true\"")))
                .contains(new DateTrigger("dateOfBirth", 0, LocalTime.of(8, 30), true));
        assertThat(DateTrigger.of(process("field=\"renewal\" offsetDays=\"-7\"")))
                .contains(new DateTrigger("renewal", -7, LocalTime.of(9, 0), false));
        assertThat(DateTrigger.problems(process("field=\"renewal\" offsetDays=\"400\" time=\"25:00\" yearly=\"often\"")))
                .hasSize(3).anySatisfy(p -> assertThat(p).contains("offsetDays"))
                .anySatisfy(p -> assertThat(p).contains("time is a time of day"))
                .anySatisfy(p -> assertThat(p).contains("yearly is true or false"));
        assertThat(DateTrigger.problems(process("offsetDays=\"1\""))).singleElement().asString().contains("needs a field");
        assertThat(DateTrigger.of(process("field=\"x\" offsetDays=\"many\""))).isEmpty();
    }

    private static Process process(String attributes) {
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sb="https://switchboard.dev/schema/bpmn"
                    targetNamespace="x"><process id="p" isExecutable="true">
                  <startEvent id="s"><extensionElements><sb:dateTrigger %s/></extensionElements></startEvent>
                </process></definitions>""".formatted(attributes);
        return new BpmnXMLConverter().convertToBpmnModel(new InputStreamSource(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))), false, false).getProcessById("p");
    }
}
