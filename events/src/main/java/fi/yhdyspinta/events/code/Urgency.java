package fi.yhdyspinta.events.code;

/** How soon the receiver must react. */
public enum Urgency {
    ROUTINE,
    URGENT,
    EMERGENCY
}
