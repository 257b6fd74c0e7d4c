package fi.yhdyspinta.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import fi.yhdyspinta.careplan.domain.CoordinationHints;
import fi.yhdyspinta.careplan.domain.CoordinationHints.ActiveService;
import fi.yhdyspinta.careplan.domain.CoordinationHints.PlanFacts;
import fi.yhdyspinta.events.code.CoordinationHint;
import fi.yhdyspinta.events.code.Sector;

/** The coordination hint rules, each at its threshold and just below it (pure: no application needed). */
class CoordinationHintsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final String HEALTH = "1.2.246.10.2345678.10.1";
    private static final String SOCIAL = "1.2.246.10.2345678.20.1";
    private static final String NGO = "1.2.246.10.8765432.1";
    private static final String HOSPITAL = "1.2.246.10.1234567.10.1";
    private static final String CLINIC = "1.2.246.10.1234567.90.1";

    private final CoordinationHints rules = new CoordinationHints(3, 2, 0);

    /** A referral between two organisations, accepted: both serve the client. */
    private static ActiveService service(String sender, Sector senderSector, String receiver, Sector sector) {
        return new ActiveService(UUID.randomUUID(), sender, senderSector, receiver, sector);
    }

    private static PlanFacts plan(boolean responsible, LocalDate reviewDate) {
        return new PlanFacts(UUID.randomUUID(), responsible ? SOCIAL : null, responsible, reviewDate,
                Set.of(SOCIAL, HEALTH));
    }

    private List<CoordinationHint> hints(List<ActiveService> services, List<PlanFacts> plans) {
        return rules.evaluate(services, plans, TODAY).stream().map(CoordinationHints.Hint::hint).toList();
    }

    @Nested
    class CoordinatedPlanSuggested {

        @Test
        void twoReferralsOfTheHealthCentreAcceptedBySocialCareAndAnNgoAreThreeServicesInThreeSectors() {
            var found = rules.evaluate(List.of(service(HEALTH, Sector.HEALTH, SOCIAL, Sector.SOCIAL),
                    service(HEALTH, Sector.HEALTH, NGO, Sector.NGO)), List.of(), TODAY);
            assertThat(found).singleElement().satisfies(hint -> {
                assertThat(hint.hint()).isEqualTo(CoordinationHint.COORDINATED_PLAN_SUGGESTED);
                assertThat(hint.ruleId()).isEqualTo("coordinated-plan");
                assertThat(hint.thresholds().minActiveServices()).isEqualTo(3);
                assertThat(hint.thresholds().minSectors()).isEqualTo(2);
                assertThat(hint.organisations()).containsExactlyInAnyOrder(HEALTH, SOCIAL, NGO);
            });
        }

        @Test
        void threeServicesInExactlyTwoSectorsAreEnough() {
            assertThat(hints(List.of(service(HEALTH, Sector.HEALTH, SOCIAL, Sector.SOCIAL),
                    service(HEALTH, Sector.HEALTH, HOSPITAL, Sector.HEALTH)), List.of()))
                    .containsExactly(CoordinationHint.COORDINATED_PLAN_SUGGESTED);
        }

        @Test
        void twoServicesAreBelowTheThreshold() {
            assertThat(hints(List.of(service(HEALTH, Sector.HEALTH, SOCIAL, Sector.SOCIAL)), List.of())).isEmpty();
            assertThat(hints(List.of(service(HEALTH, Sector.HEALTH, SOCIAL, Sector.SOCIAL),
                    service(SOCIAL, Sector.SOCIAL, HEALTH, Sector.HEALTH)), List.of())).as("the same two").isEmpty();
        }

        @Test
        void threeServicesInOneSectorAreBelowTheThreshold() {
            assertThat(hints(List.of(service(HEALTH, Sector.HEALTH, HOSPITAL, Sector.HEALTH),
                    service(HEALTH, Sector.HEALTH, CLINIC, Sector.HEALTH)), List.of())).isEmpty();
        }

        @Test
        void anOrganisationOfAnUnknownSectorCountsAsAServiceButNotAsASector() {
            assertThat(hints(List.of(service(HEALTH, Sector.HEALTH, HOSPITAL, Sector.HEALTH),
                    service(HEALTH, Sector.HEALTH, "1.2.246.10.1", null)), List.of())).isEmpty();
        }

        @Test
        void aClientWithAPlanIsNotSuggestedAnother() {
            assertThat(hints(List.of(service(HEALTH, Sector.HEALTH, SOCIAL, Sector.SOCIAL),
                    service(HEALTH, Sector.HEALTH, NGO, Sector.NGO)), List.of(plan(true, null)))).isEmpty();
        }

        @Test
        void theThresholdsAreConfigurable() {
            CoordinationHints stricter = new CoordinationHints(4, 3, 0);
            assertThat(stricter.evaluate(List.of(service(HEALTH, Sector.HEALTH, SOCIAL, Sector.SOCIAL),
                    service(HEALTH, Sector.HEALTH, NGO, Sector.NGO)), List.of(), TODAY)).isEmpty();
        }
    }

    @Nested
    class ResponsibleWorkerMissing {

        @Test
        void aPlanWithoutAResponsibleWorkerIsFlaggedToItsParticipants() {
            var found = rules.evaluate(List.of(), List.of(plan(false, null)), TODAY);
            assertThat(found).singleElement().satisfies(hint -> {
                assertThat(hint.hint()).isEqualTo(CoordinationHint.RESPONSIBLE_WORKER_MISSING);
                assertThat(hint.ruleId()).isEqualTo("responsible-worker");
                assertThat(hint.organisations()).containsExactlyInAnyOrder(SOCIAL, HEALTH);
            });
        }

        @Test
        void aPlanWithAResponsibleWorkerIsNot() {
            assertThat(hints(List.of(), List.of(plan(true, null)))).isEmpty();
        }
    }

    @Nested
    class PlanReviewOverdue {

        @Test
        void theDayAfterTheReviewDateThePlanIsOverdue() {
            var found = rules.evaluate(List.of(), List.of(plan(true, TODAY.minusDays(1))), TODAY);
            assertThat(found).singleElement().satisfies(hint -> {
                assertThat(hint.hint()).isEqualTo(CoordinationHint.PLAN_REVIEW_OVERDUE);
                assertThat(hint.ruleId()).isEqualTo("plan-review");
                assertThat(hint.thresholds().reviewGraceDays()).isZero();
                assertThat(hint.organisations()).containsExactly(SOCIAL);
            });
        }

        @Test
        void onTheReviewDateItIsNotOverdueYet() {
            assertThat(hints(List.of(), List.of(plan(true, TODAY)))).isEmpty();
            assertThat(hints(List.of(), List.of(plan(true, null)))).isEmpty();
        }

        @Test
        void graceDaysPostponeIt() {
            CoordinationHints lenient = new CoordinationHints(3, 2, 7);
            assertThat(lenient.evaluate(List.of(), List.of(plan(true, TODAY.minusDays(7))), TODAY)).isEmpty();
            assertThat(lenient.evaluate(List.of(), List.of(plan(true, TODAY.minusDays(8))), TODAY)).hasSize(1);
        }
    }
}
