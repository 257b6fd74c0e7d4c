package fi.yhdyspinta.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The lint refuses what makes a generated client bad, and passes a document that has it all. */
class TheLintFindsWhatBreaksAGeneratedClient {

    private static final String CLEAN = """
            {"openapi":"3.1.0",
             "info":{"title":"t","version":"1","license":{"name":"EUPL-1.2","identifier":"EUPL-1.2"},
                     "contact":{"email":"integraatiot@yhdyspinta.fi"}},
             "servers":[{"url":"http://127.0.0.1:8081"}],
             "tags":[{"name":"referrals","description":"Referrals"}],
             "paths":{"/referrals/{id}/accept":{"post":{
               "operationId":"acceptReferral","summary":"Accept","tags":["referrals"],
               "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
               "responses":{
                 "200":{"description":"OK","content":{"application/json":{"schema":{"type":"object"},"example":{}}}},
                 "404":{"$ref":"#/components/responses/NotFound"}}}}},
             "components":{
               "schemas":{"Problem":{"type":"object","properties":{"type":{"type":"string"},"title":{"type":"string"},
                 "status":{"type":"integer"},"detail":{"type":"string"},"instance":{"type":"string"},
                 "errors":{"type":"array"}}}},
               "responses":{"NotFound":{"description":"not found","content":{"application/problem+json":
                 {"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}
            """;

    @Test
    void aDocumentWithEverythingIsClean() {
        assertThat(ContractLint.findings(CLEAN)).isEmpty();
    }

    @Test
    void aMissingOperationIdSummaryOrExampleIsAFinding() {
        String broken = CLEAN.replace("\"operationId\":\"acceptReferral\",", "").replace("\"summary\":\"Accept\",", "")
                .replace(",\"example\":{}", "");
        assertThat(ContractLint.findings(broken)).anyMatch(f -> f.contains("operationId ''"))
                .anyMatch(f -> f.contains("no summary")).anyMatch(f -> f.contains("no example"));
    }

    @Test
    void anErrorWithoutTheProblemSchemaIsAFinding() {
        String bare = CLEAN.replace("\"404\":{\"$ref\":\"#/components/responses/NotFound\"}",
                "\"404\":{\"description\":\"Not Found\"}");
        assertThat(ContractLint.findings(bare)).containsExactly(
                "POST /referrals/{id}/accept: 404 does not document the problem+json Problem");
    }

    @Test
    void noServersNoLicenseAndAnUndescribedTagAreFindings() {
        String bare = CLEAN.replace("\"servers\":[{\"url\":\"http://127.0.0.1:8081\"}],", "")
                .replace("\"license\":{\"name\":\"EUPL-1.2\",\"identifier\":\"EUPL-1.2\"},", "")
                .replace("\"description\":\"Referrals\"", "\"description\":\"\"");
        assertThat(ContractLint.findings(bare)).contains("no servers", "info has no license",
                "tag 'referrals' has no description");
    }

    @Test
    void oneIdForTwoOperationsOfTheSuiteIsADuplicateButOneSharedOperationIsNot() {
        String other = CLEAN.replace("/referrals/{id}/accept", "/joint-assessments/{id}/accept");
        assertThat(ContractLint.duplicateOperationIds(Map.of("referral-service", CLEAN, "care-plan-service", other)))
                .containsExactly("acceptReferral names [POST /joint-assessments/{id}/accept, POST /referrals/{id}/accept]");
        assertThat(ContractLint.duplicateOperationIds(Map.of("referral-service", CLEAN, "consent-service", CLEAN)))
                .isEmpty();
    }

    @Test
    void aDocumentSwaggerParserCannotReadIsAFinding() {
        assertThat(ContractLint.findings(CLEAN.replace("\"responses\":{\n", "\"responses\":[\n")))
                .anyMatch(f -> f.startsWith("swagger-parser"));
    }
}
