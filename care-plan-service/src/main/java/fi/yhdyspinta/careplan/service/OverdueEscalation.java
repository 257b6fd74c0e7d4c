package fi.yhdyspinta.careplan.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * An unacknowledged joint assessment invitation escalates after its deadline (THL 32.2 §: health
 * care cannot refuse, so silence is escalated, not accepted). Runs every
 * {@code yhdyspinta.joint-assessment.overdue-check}.
 */
@ApplicationScoped
public class OverdueEscalation {

    private static final Logger LOG = Logger.getLogger(OverdueEscalation.class);

    private final JointAssessmentService assessments;

    public OverdueEscalation(JointAssessmentService assessments) {
        this.assessments = assessments;
    }

    @Scheduled(every = "${yhdyspinta.joint-assessment.overdue-check:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> escalate() {
        return assessments.escalateOverdue()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("%d joint assessment invitation(s) escalated as overdue", count);
                    }
                })
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("overdue escalation will retry: %s", e.getClass().getSimpleName());
                    return Uni.createFrom().item(0);
                })
                .replaceWithVoid();
    }
}
