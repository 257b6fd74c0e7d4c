package fi.yhdyspinta.careplan.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of joint assessment invitations ({@code yhdyspinta.joint-assessment.*}). */
@ConfigMapping(prefix = "yhdyspinta.joint-assessment")
public interface JointAssessmentConfig {

    /** How long the invited organisation has to acknowledge when the request names no deadline. */
    @WithDefault("P14D")
    Duration defaultDeadline();

    /** How often overdue invitations are looked for (read by the scheduler as {@code ${...overdue-check}}). */
    @WithDefault("10s")
    String overdueCheck();

    /** How many overdue invitations one escalation round handles at most. */
    @WithDefault("100")
    int escalationBatch();
}
