package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fi.yhdyspinta.client.consent.api.ConsentsApi;
import fi.yhdyspinta.client.consent.model.ConsentForm;
import fi.yhdyspinta.client.consent.model.ConsentRequest;
import fi.yhdyspinta.client.consent.model.ConsentStatus;
import fi.yhdyspinta.client.consent.model.ConsentView;
import fi.yhdyspinta.client.referral.ApiClient;
import fi.yhdyspinta.client.referral.ApiException;
import fi.yhdyspinta.client.referral.api.NeedsApi;
import fi.yhdyspinta.client.referral.api.ReferralsApi;
import fi.yhdyspinta.client.referral.model.CompleteRequest;
import fi.yhdyspinta.client.referral.model.NeedCategory;
import fi.yhdyspinta.client.referral.model.NeedCreated;
import fi.yhdyspinta.client.referral.model.NeedRequest;
import fi.yhdyspinta.client.referral.model.Problem;
import fi.yhdyspinta.client.referral.model.ProblemFieldError;
import fi.yhdyspinta.client.referral.model.ReferralOutcome;
import fi.yhdyspinta.client.referral.model.ReferralStatus;
import fi.yhdyspinta.client.referral.model.ReferralView;
import fi.yhdyspinta.client.referral.model.Sector;
import fi.yhdyspinta.client.referral.model.Urgency;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;

/**
 * Issue 13 (dogfooding): the main flow — need, consent, referral, acceptance, completion with feedback — through the
 * Java clients generated at build time from the services' own OpenAPI documents, as an integrator would run it; and
 * the refusals arrive as problem+json that the generated Problem model reads. A contract that generates a client
 * that cannot do this fails here (or already at generate-test-sources / compile).
 */
@ExtendWith(SuiteExtension.class)
class AnIntegratorRunsTheMainFlowThroughGeneratedClientsIT {

    /** A test henkilötunnus of this class only (individual number 951). */
    private static final String HETU = "240386-951S";
    private static Suite suite;

    @BeforeAll
    static void useSuite() {
        suite = SuiteExtension.suite();
    }

    @Test
    void needConsentReferralAcceptanceAndCompletionReachTheSender() throws Exception {
        NeedCreated need = needs(TestUsers.NURSE).identifyNeed(needOf(HETU), UUID.randomUUID().toString(), null);
        assertThat(need.getStatus()).isEqualTo(ReferralStatus.AWAITING_CONSENT);
        UUID referralId = need.getReferralId();

        ConsentView consent = new ConsentsApi(consentClient(TestUsers.NURSE)).recordConsent(new ConsentRequest()
                .client(HETU).purpose(fi.yhdyspinta.client.consent.model.Purpose.REFERRAL)
                .recipients(List.of(TestUsers.SOCIAL_SERVICES))
                .dataCategories(List.of(fi.yhdyspinta.client.consent.model.DataCategory.NEED_SUMMARY,
                        fi.yhdyspinta.client.consent.model.DataCategory.CONTACT_DETAILS))
                .validUntil(LocalDate.now().plusYears(1)).form(ConsentForm.ORAL), UUID.randomUUID().toString(), null);
        assertThat(consent.getStatus()).isEqualTo(ConsentStatus.ACTIVE);

        ReferralsApi sender = referrals(TestUsers.NURSE);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                sender.getReferral(referralId, null, null, null).getStatus()).isEqualTo(ReferralStatus.SENT));

        ReferralsApi receiver = referrals(TestUsers.SOCIAL_WORKER);
        assertThat(receiver.acceptReferral(referralId, null, null).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        ReferralView completed = receiver.completeReferral(referralId, new CompleteRequest()
                .outcome(ReferralOutcome.SERVICE_PROVIDED).feedback("Asiakkaalle varattu aika sosiaalityöhön."),
                null, null);
        assertThat(completed.getStatus()).isEqualTo(ReferralStatus.COMPLETED);

        ReferralView seenBySender = sender.getReferral(referralId, null, null, null);
        assertThat(seenBySender.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(seenBySender.getOutcome()).isEqualTo(ReferralOutcome.SERVICE_PROVIDED);
        assertThat(seenBySender.getFeedback()).isEqualTo("Asiakkaalle varattu aika sosiaalityöhön.");
    }

    @Test
    void refusalsArriveAsProblemsTheGeneratedModelReads() throws Exception {
        ApiException invalid = catchThrowableOfType(ApiException.class, () -> needs(TestUsers.NURSE)
                .identifyNeed(needOf("240386-951A"), null, null));
        Problem validation = problem(invalid, 400);
        assertThat(validation.getType()).hasToString("https://yhdyspinta.fi/problems/validation");
        assertThat(validation.getErrors()).extracting(ProblemFieldError::getField).contains("client");

        ApiException wrongRole = catchThrowableOfType(ApiException.class, () -> needs(TestUsers.ARCHIVE)
                .identifyNeed(needOf(HETU), null, null));
        assertThat(problem(wrongRole, 403).getType()).hasToString("https://yhdyspinta.fi/problems/forbidden");

        UUID awaiting = needs(TestUsers.NURSE).identifyNeed(needOf(HETU), null, null).getReferralId();
        ApiException notYetPermitted = catchThrowableOfType(ApiException.class, () -> referrals(TestUsers.SOCIAL_WORKER)
                .getReferral(awaiting, null, null, null));
        assertThat(problem(notYetPermitted, 404).getType()).hasToString("https://yhdyspinta.fi/problems/not-found");

        ApiException otherOrganisation = catchThrowableOfType(ApiException.class, () -> referrals(TestUsers.NGO_WORKER)
                .acceptReferral(awaiting, null, null));
        assertThat(otherOrganisation.getCode()).isEqualTo(404);
    }

    private static NeedRequest needOf(String hetu) {
        return new NeedRequest().client(hetu).category(NeedCategory.MENTAL_HEALTH).targetSector(Sector.SOCIAL)
                .targetOrganisation(TestUsers.SOCIAL_SERVICES).urgency(Urgency.ROUTINE);
    }

    private static Problem problem(ApiException refused, int status) throws IOException {
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.getCode()).isEqualTo(status);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        return problem;
    }

    private static NeedsApi needs(TestUser user) {
        return new NeedsApi(referralClient(user));
    }

    private static ReferralsApi referrals(TestUser user) {
        return new ReferralsApi(referralClient(user));
    }

    private static ApiClient referralClient(TestUser user) {
        String bearer = "Bearer " + TestInfrastructure.tokenFor(user);
        ApiClient client = new ApiClient().setRequestInterceptor(request -> request.header("Authorization", bearer));
        client.updateBaseUri(suite.referral.baseUri());
        return client;
    }

    private static fi.yhdyspinta.client.consent.ApiClient consentClient(TestUser user) {
        String bearer = "Bearer " + TestInfrastructure.tokenFor(user);
        fi.yhdyspinta.client.consent.ApiClient client = new fi.yhdyspinta.client.consent.ApiClient()
                .setRequestInterceptor(request -> request.header("Authorization", bearer));
        client.updateBaseUri(suite.consent.baseUri());
        return client;
    }
}
