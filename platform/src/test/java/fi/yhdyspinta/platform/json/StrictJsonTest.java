package fi.yhdyspinta.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import fi.yhdyspinta.platform.problem.JsonProblems;
import fi.yhdyspinta.platform.problem.Problem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Request bodies are read strictly, and every refusal names the field by its JSON path without
 * repeating the value: checked on a real ObjectMapper made strict the way every service's is.
 */
class StrictJsonTest {

    enum Urgency { ROUTINE, URGENT }

    record Need(String client, Urgency urgency, List<Urgency> codes, Boolean flag, UUID needId, LocalDate validUntil,
            OffsetDateTime at) {
    }

    private static final ObjectMapper MAPPER = StrictJson.apply(JsonMapper.builder()
            .addModule(new JavaTimeModule()).build());

    private static final String VALID = """
            {"client":"131052-9085","urgency":"ROUTINE","codes":["ROUTINE","URGENT"],"flag":true,
             "needId":"9b2f0c7e-5d1a-4c3e-8f6a-2b1d0e9c8a7f","validUntil":"2026-12-31","at":"2026-01-31T12:00:00+02:00"}""";

    @Test
    void aWellFormedBodyIsRead() throws JsonProcessingException {
        Need need = MAPPER.readValue(VALID, Need.class);
        assertThat(need.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(need.codes()).containsExactly(Urgency.ROUTINE, Urgency.URGENT);
        assertThat(need.validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field                 | {\"client\":\"x\",\"nickname\":\"x\"}            | nickname",
            "server-owned id               | {\"id\":\"9b2f0c7e-5d1a-4c3e-8f6a-2b1d0e9c8a7f\"} | id",
            "server-owned status           | {\"status\":\"SENT\"}                            | status",
            "server-owned createdBy        | {\"createdBy\":\"someone\"}                      | createdBy",
            "enum as a number              | {\"urgency\":2}                                  | urgency",
            "enum in lower case            | {\"urgency\":\"routine\"}                        | urgency",
            "enum empty                    | {\"urgency\":\"\"}                               | urgency",
            "enum with a leading space     | {\"urgency\":\" ROUTINE\"}                       | urgency",
            "enum with a trailing tab      | {\"urgency\":\"ROUTINE\\t\"}                    | urgency",
            "spaced code in a list         | {\"codes\":[\"ROUTINE \"]}                      | codes[0]",
            "number for a string           | {\"client\":131052}                              | client",
            "float for a string            | {\"client\":1.5}                                 | client",
            "boolean for a string          | {\"client\":true}                                | client",
            "object for a string           | {\"client\":{\"a\":1}}                           | client",
            "array for a string            | {\"client\":[\"a\"]}                             | client",
            "string for a boolean          | {\"flag\":\"true\"}                              | flag",
            "number for a boolean          | {\"flag\":1}                                     | flag",
            "number in a code list         | {\"codes\":[\"ROUTINE\",1]}                      | codes[1]",
            "unknown code in a list        | {\"codes\":[\"ROUTINE\",\"URGENT\",\"LATER\"]}   | codes[2]",
            "single value for a list       | {\"codes\":\"ROUTINE\"}                          | codes",
            "empty string for a UUID       | {\"needId\":\"\"}                                | needId",
            "number for a UUID             | {\"needId\":7}                                   | needId",
            "malformed UUID                | {\"needId\":\"not-a-uuid\"}                      | needId",
            "epoch day for a date          | {\"validUntil\":20000}                           | validUntil",
            "impossible date               | {\"validUntil\":\"2026-02-30\"}                  | validUntil",
            "empty date                    | {\"validUntil\":\"\"}                            | validUntil",
            "epoch number for a timestamp  | {\"at\":1700000000}                              | at",
            "array for the body            | [1,2]                                            | body",
            "string for the body           | \"hello\"                                        | body",
            "duplicate field               | {\"client\":\"a\",\"client\":\"b\"}              | client",
            "trailing content              | {\"client\":\"a\"} {\"client\":\"b\"}            | body",
            "not JSON                      | client=a                                         | body",
            "cut short                     | {\"client\":                                     | client" })
    void refusedNamingTheField(String rule, String body, String field) {
        Problem.FieldError error = refusal(body);
        assertThat(error.field()).as(rule).isEqualTo(field);
        assertThat(error.message()).as(rule).isNotBlank().doesNotContain("131052");
    }

    @Test
    void anUnknownFieldNamedWithPersonalDataIsNotRepeated() {
        Problem.FieldError error = refusal("{\"131052-9085\":1}");
        assertThat(error.field()).doesNotContain("131052");
        assertThat(error.message()).contains("not a field of this request");
    }

    @Test
    void anEnumCodeMessageListsTheCodes() {
        assertThat(refusal("{\"urgency\":2}").message()).isEqualTo("must be one of [ROUTINE, URGENT]");
        assertThat(refusal("{\"client\":5}").message()).isEqualTo("must be a JSON string");
        assertThat(refusal("{\"flag\":\"true\"}").message()).isEqualTo("must be true or false");
    }

    @Property(tries = 2000)
    void anyBodyIsReadOrRefusedWithAFieldNeverAnotherException(@ForAll("bodies") String body) {
        assertThatCode(() -> {
            try {
                MAPPER.readValue(body, Need.class);
            } catch (JsonProcessingException e) {
                Problem.FieldError error = JsonProblems.of(e);
                assertThat(error.field()).isNotBlank();
                assertThat(error.message()).isNotBlank();
            }
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> values = Arbitraries.of("\"ROUTINE\"", "2", "1.5", "true", "null", "\"\"", "[]", "{}",
                "[\"URGENT\",3]", "\"2026-02-30\"", "\"9b2f0c7e-5d1a-4c3e-8f6a-2b1d0e9c8a7f\"", "{\"x\":[", "\u0000");
        Arbitrary<String> names = Arbitraries.of("client", "urgency", "codes", "flag", "needId", "validUntil", "at", "id",
                "status", "x\u00DF", "");
        Arbitrary<String> field = net.jqwik.api.Combinators.combine(names, values)
                .as((name, value) -> "\"" + name + "\":" + value);
        return Arbitraries.oneOf(field.list().ofMaxSize(6).map(fields -> "{" + String.join(",", fields) + "}"),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    private static Problem.FieldError refusal(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> MAPPER.readValue(body, Need.class));
        assertThat(e).as("refused: " + body).isNotNull();
        return JsonProblems.of(e);
    }
}
