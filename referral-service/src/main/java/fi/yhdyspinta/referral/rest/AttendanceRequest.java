package fi.yhdyspinta.referral.rest;

import jakarta.validation.constraints.NotNull;

import fi.yhdyspinta.events.code.SocialPrescriptionStatus;

/** {@code POST /social-prescriptions/{id}/attendance}: ATTENDED, DID_NOT_ATTEND or DECLINED (a code, no free text). */
public record AttendanceRequest(@NotNull SocialPrescriptionStatus attendance) {
}
