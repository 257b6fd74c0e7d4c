package fi.yhdyspinta.notification;

import org.junit.jupiter.api.Test;

import fi.yhdyspinta.testsupport.contract.ServedContract;

/**
 * Issue 13: the OpenAPI document this service serves lints clean (operationIds, summaries, described tags, the
 * problem+json Problem on every error, examples, servers, license, contact) and is the one stored at build time,
 * from which e2e-tests generates its client.
 */
@NotificationServiceTest
class TheOpenApiContractGeneratesCleanClients {

    @Test
    void theServedDocumentLintsCleanAndIsTheStoredOne() {
        ServedContract.assertClean("notification-service");
    }
}
