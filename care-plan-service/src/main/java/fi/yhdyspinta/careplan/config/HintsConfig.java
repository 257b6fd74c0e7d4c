package fi.yhdyspinta.careplan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the coordination hints ({@code yhdyspinta.hints.*}); see docs/configuration.md. */
@ConfigMapping(prefix = "yhdyspinta.hints")
public interface HintsConfig {

    CoordinatedPlan coordinatedPlan();

    PlanReview planReview();

    /** How often plans are checked for a passed review date (time passes without any event). */
    @WithDefault("1h")
    String reviewCheck();

    interface CoordinatedPlan {
        /** Active services (accepted referrals) that make a joint plan worth suggesting. */
        @WithDefault("3")
        int minActiveServices();

        /** How many different sectors those services must span. */
        @WithDefault("2")
        int minSectors();
    }

    interface PlanReview {
        /** Days after the review date before the plan counts as overdue (0: the day after the review date). */
        @WithDefault("0")
        int graceDays();
    }
}
