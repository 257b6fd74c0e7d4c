package fi.yhdyspinta.consent.command;

import fi.yhdyspinta.events.code.Sector;

/** Put an organisation into the registry (organisaatiorekisteri) as it now is: its name, sector, municipality, state. */
public record RegisterOrganisation(String name, Sector sector, String municipality, boolean active) {
}
