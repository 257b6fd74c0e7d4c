package fi.yhdyspinta.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fi.yhdyspinta.events.code.AuditAction;
import fi.yhdyspinta.events.code.AuditOutcome;
import fi.yhdyspinta.events.code.AuditResource;
import fi.yhdyspinta.events.code.DataCategory;
import fi.yhdyspinta.events.code.DeclineReason;
import fi.yhdyspinta.events.code.DenialReason;
import fi.yhdyspinta.events.code.JointAssessmentStatus;
import fi.yhdyspinta.events.code.LegalBasis;
import fi.yhdyspinta.events.code.NeedCategory;
import fi.yhdyspinta.events.code.NotificationChannel;
import fi.yhdyspinta.events.code.Purpose;
import fi.yhdyspinta.events.code.ReferralOutcome;
import fi.yhdyspinta.events.code.ReferralStatus;
import fi.yhdyspinta.events.code.Sector;
import fi.yhdyspinta.events.code.Urgency;
import fi.yhdyspinta.events.payload.NeedIdentified;
import fi.yhdyspinta.events.payload.ReferralStatusChanged;

/** The contracts hold together: schemas, Java codes, the AsyncAPI document and the no-personal-data rule. */
class EventContractTest {

    static final String CLIENT_ID = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String HEALTH_CENTRE = "1.2.246.10.2345678.10.1";
    static final String SOCIAL_SERVICES = "1.2.246.10.2345678.20.1";

    /** Schema properties whose codes are Java enums of {@code events.code}. */
    private static final Map<String, Class<? extends Enum<?>>> CODES = Map.ofEntries(
            Map.entry("category", NeedCategory.class), Map.entry("sourceSector", Sector.class),
            Map.entry("targetSector", Sector.class), Map.entry("urgency", Urgency.class),
            Map.entry("purpose", Purpose.class), Map.entry("dataCategories", DataCategory.class),
            Map.entry("basis", LegalBasis.class), Map.entry("reason", DenialReason.class),
            Map.entry("outcome", ReferralOutcome.class), Map.entry("reasonCode", DeclineReason.class),
            Map.entry("channel", NotificationChannel.class), Map.entry("previousStatus", ReferralStatus.class),
            Map.entry("legalBasis", LegalBasis.class), Map.entry("action", AuditAction.class),
            Map.entry("resourceType", AuditResource.class),
            Map.entry("handOverReason", fi.yhdyspinta.events.code.HandOverReason.class),
            Map.entry("hint", fi.yhdyspinta.events.code.CoordinationHint.class),
            Map.entry("kind", fi.yhdyspinta.events.code.ArchiveDocumentKind.class),
            Map.entry("register", fi.yhdyspinta.events.code.ArchiveRegister.class));

    /** Where a property name means another code in one schema. */
    private static final Map<String, Map<String, Class<? extends Enum<?>>>> CODES_OF_TYPE = Map.of(
            EventType.AUDIT_RECORDED.name(), Map.of("outcome", AuditOutcome.class));

    private static NeedIdentified need() {
        return new NeedIdentified(UUID.randomUUID().toString(), UUID.randomUUID().toString(), CLIENT_ID,
                "MENTAL_HEALTH", HEALTH_CENTRE, "HEALTH", "SOCIAL", SOCIAL_SERVICES, "ROUTINE", "REFERRAL",
                List.of("NEED_SUMMARY", "CONTACT_DETAILS"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasAVersionedTypeAndTravelsOnTheTopicOfItsFamily(EventType type) {
        assertThat(type.type()).startsWith("fi.yhdyspinta.").matches(".*\\.v[0-9]+$");
        // fi.yhdyspinta.<family>.<step>.v1 travels on the family's topic, the family named in the plural
        String family = type.type().split("\\.")[2];
        if (type.family() == Topic.AUDIT || type.family() == Topic.AUDIT_ANCHORS) {
            // the audit trail is not an aggregate family: its records on "audit", its anchors on "audit-anchors"
            assertThat(family).isEqualTo("audit");
            assertThat(type.topic()).isEqualTo(type == EventType.AUDIT_RECORDED ? "audit" : "audit-anchors");
        } else if (type.family() == Topic.ARCHIVE) {
            // the archive feed is not an aggregate family either: one topic named "archive"
            assertThat(family).isEqualTo("archive");
            assertThat(type.topic()).isEqualTo("archive");
        } else {
            assertThat(type.topic()).matches("[a-z]+(-[a-z]+)*s").isEqualTo(family + "s");
        }
        assertThat(type.deadLetterTopic()).isEqualTo(type.topic() + ".dlq");
        assertThat(EventType.ofType(type.type())).contains(type);
        assertThat(EventType.onTopic(type.topic())).contains(type).allSatisfy(
                other -> assertThat(other.family()).isEqualTo(type.family()));
    }

    @Test
    void oneTopicPerAggregateFamily() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topic)).containsExactly("needs", "consents",
                "referrals", "joint-assessments", "care-plans", "notifications", "organisations", "audit", "audit-anchors",
                "archive");
        assertThat(Arrays.stream(Topic.values()).flatMap(topic -> topic.types().stream()))
                .as("every event type on exactly one topic").containsExactlyInAnyOrder(EventType.values());
        assertThat(EventType.onTopic("consents")).containsExactly(EventType.CONSENT_REQUESTED,
                EventType.CONSENT_GRANTED, EventType.CONSENT_DENIED, EventType.CONSENT_REVOKED);
        assertThat(EventType.onTopic("consent-granted")).as("the old per-type topics are gone").isEmpty();
        assertThat(Topic.ofTopic("joint-assessments")).contains(Topic.JOINT_ASSESSMENTS);
    }

    @Test
    void aStateEventCarriesItsAggregateVersionAndAnOlderProducerMayLeaveItOut() {
        ReferralStatusChanged accepted = new ReferralStatusChanged(UUID.randomUUID().toString(), null, CLIENT_ID,
                HEALTH_CENTRE, SOCIAL_SERVICES, "HOUSING", "ACCEPTED", "SENT", null, null, null, null);
        JsonNode unversioned = EventJson.mapper().valueToTree(accepted);
        assertThat(EventSchemas.payloadErrors(EventType.REFERRAL_ACCEPTED, unversioned)).isEmpty();
        JsonNode versioned = EventJson.mapper().valueToTree(accepted.withVersion(3));
        assertThat(versioned.path("aggregateVersion").asLong()).isEqualTo(3);
        assertThat(EventSchemas.payloadErrors(EventType.REFERRAL_ACCEPTED, versioned)).isEmpty();
        ObjectNode negative = versioned.deepCopy();
        negative.put("aggregateVersion", -1);
        assertThat(EventSchemas.payloadErrors(EventType.REFERRAL_ACCEPTED, negative)).isNotEmpty();
        ObjectNode text = versioned.deepCopy();
        text.put("aggregateVersion", "3");
        assertThat(EventSchemas.payloadErrors(EventType.REFERRAL_ACCEPTED, text)).isNotEmpty();
        var assessment = new fi.yhdyspinta.events.payload.JointAssessmentChanged(UUID.randomUUID().toString(),
                CLIENT_ID, SOCIAL_SERVICES, HEALTH_CENTRE, "ACKNOWLEDGED", OffsetDateTime.now(), 2L);
        assertThat(EventSchemas.payloadErrors(EventType.JOINT_ASSESSMENT_ACKNOWLEDGED,
                EventJson.mapper().valueToTree(assessment))).isEmpty();
    }

    @Test
    void aVersionedPayloadReadsBack() throws IOException {
        ReferralStatusChanged sent = new ReferralStatusChanged(UUID.randomUUID().toString(), null, CLIENT_ID,
                HEALTH_CENTRE, SOCIAL_SERVICES, "HOUSING", "SENT", "AWAITING_CONSENT", null, null, null, null)
                .withVersion(1);
        String json = EventJson.mapper().writeValueAsString(sent);
        assertThat(EventJson.mapper().readValue(json, ReferralStatusChanged.class)).isEqualTo(sent);
        String withoutVersion = json.replace(",\"aggregateVersion\":1", "");
        assertThat(withoutVersion).doesNotContain("aggregateVersion");
        assertThat(EventJson.mapper().readValue(withoutVersion, ReferralStatusChanged.class).aggregateVersion())
                .isNull();
    }

    @Test
    void schemaCodesAreTheJavaCodes() throws IOException {
        List<String> checked = new ArrayList<>();
        for (EventType type : EventType.values()) {
            JsonNode schema = read(type.schemaResource());
            schema.path("properties").fields().forEachRemaining(property -> {
                Class<? extends Enum<?>> codes = CODES_OF_TYPE.getOrDefault(type.name(), Map.of())
                        .getOrDefault(property.getKey(), CODES.get(property.getKey()));
                JsonNode node = property.getValue().has("items") ? property.getValue().path("items")
                        : property.getValue();
                if (codes != null) {
                    List<String> inSchema = new ArrayList<>();
                    node.path("enum").forEach(v -> {
                        if (!v.isNull()) {
                            inSchema.add(v.asText());
                        }
                    });
                    assertThat(inSchema).as(type + "." + property.getKey())
                            .containsExactlyElementsOf(names(codes));
                    checked.add(type + "." + property.getKey());
                }
            });
        }
        assertThat(checked).isNotEmpty();
        assertThat(read("schemas/referral-status.v1.json").path("properties").path("status").path("enum"))
                .extracting(JsonNode::asText).containsExactlyElementsOf(names(ReferralStatus.class));
        assertThat(read("schemas/joint-assessment.v1.json").path("properties").path("status").path("enum"))
                .extracting(JsonNode::asText).containsExactlyElementsOf(names(JointAssessmentStatus.class));
    }

    @Test
    void aValidPayloadValidates() {
        assertThat(EventSchemas.payloadErrors(EventType.NEED_IDENTIFIED, EventJson.mapper().valueToTree(need())))
                .isEmpty();
        ReferralStatusChanged sent = new ReferralStatusChanged(UUID.randomUUID().toString(), null, CLIENT_ID,
                HEALTH_CENTRE, SOCIAL_SERVICES, "HOUSING", "SENT", "AWAITING_CONSENT", UUID.randomUUID().toString(),
                null, null, null);
        assertThat(EventSchemas.payloadErrors(EventType.REFERRAL_SENT, EventJson.mapper().valueToTree(sent)))
                .isEmpty();
    }

    @Test
    void freeTextCannotTravelInAPayload() {
        ObjectNode payload = EventJson.mapper().valueToTree(need());
        payload.put("clientName", "Matti Meikäläinen");
        assertThat(EventSchemas.payloadErrors(EventType.NEED_IDENTIFIED, payload)).isNotEmpty()
                .allSatisfy(message -> assertThat(message).doesNotContain("Matti"));
    }

    @Test
    void aHenkilotunnusIsNotAClientId() {
        ObjectNode payload = EventJson.mapper().valueToTree(need());
        payload.put("clientId", "010190-900P");
        assertThat(EventSchemas.payloadErrors(EventType.NEED_IDENTIFIED, payload)).isNotEmpty()
                .allSatisfy(message -> assertThat(message).doesNotContain("010190"));
    }

    @Test
    void anEnvelopeWithoutCorrelationOrWithAnUnknownTypeIsInvalid() {
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), "/yhdyspinta/referral-service",
                EventType.NEED_IDENTIFIED, CLIENT_ID, OffsetDateTime.now(), UUID.randomUUID().toString(), null,
                EventJson.mapper().valueToTree(need()));
        ObjectNode tree = EventJson.mapper().valueToTree(event);
        assertThat(EventSchemas.eventErrors(tree)).isEmpty();
        ObjectNode unknown = tree.deepCopy().put("type", "fi.yhdyspinta.something.v1");
        assertThat(EventSchemas.eventErrors(unknown)).containsExactly("unknown event type");
        ObjectNode uncorrelated = tree.deepCopy();
        uncorrelated.remove("correlationid");
        assertThat(EventSchemas.eventErrors(uncorrelated)).isNotEmpty();
    }

    @Test
    void consentGrantedCarriesItsValidityAsADate() {
        var grant = new fi.yhdyspinta.events.payload.ConsentGranted(UUID.randomUUID().toString(), null, null,
                CLIENT_ID, SOCIAL_SERVICES, "CONTACT", List.of(), "SHL_35_INCAPABLE", LocalDate.of(2027, 12, 31));
        JsonNode tree = EventJson.mapper().valueToTree(grant);
        assertThat(tree.path("validUntil").asText()).isEqualTo("2027-12-31");
        assertThat(EventSchemas.payloadErrors(EventType.CONSENT_GRANTED, tree)).isEmpty();
    }

    @Test
    void anOrganisationChangeIsKeyedByItsOidAndCarriesNoName() {
        var change = new fi.yhdyspinta.events.payload.OrganisationChanged(SOCIAL_SERVICES, "SOCIAL", "261", true, 1);
        JsonNode tree = EventJson.mapper().valueToTree(change);
        assertThat(EventSchemas.payloadErrors(EventType.ORGANISATION_CHANGED, tree)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("name", "Kittilän sosiaalipalvelut");
        assertThat(EventSchemas.payloadErrors(EventType.ORGANISATION_CHANGED, tree)).isNotEmpty();
    }

    @Test
    void anAuditRecordCarriesCodesAndIdsOnly() {
        var record = new fi.yhdyspinta.events.payload.AuditRecorded("referral-service", 1,
                "ab".repeat(32), OffsetDateTime.now(), "0b6f3c52-4e61-4c27-9d1b-3f4a3c9e2b10", SOCIAL_SERVICES,
                "social-worker", "READ", "REFERRAL", UUID.randomUUID().toString(), CLIENT_ID, "REFERRAL", "CONSENT",
                "PERMITTED", null, UUID.randomUUID().toString());
        JsonNode tree = EventJson.mapper().valueToTree(record);
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_RECORDED, tree)).isEmpty();
        ObjectNode refused = tree.deepCopy();
        refused.put("outcome", "REFUSED").put("refusalStatus", 404).putNull("purpose").putNull("legalBasis");
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_RECORDED, refused)).isEmpty();
        ObjectNode named = tree.deepCopy();
        named.put("actorSub", "Matti Meikäläinen");
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_RECORDED, named)).isNotEmpty();
        ObjectNode mailed = tree.deepCopy();
        mailed.put("actorSub", "matti@example.fi");
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_RECORDED, mailed)).isNotEmpty();
        ObjectNode hetu = tree.deepCopy();
        hetu.put("clientId", "010190-900P");
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_RECORDED, hetu)).isNotEmpty();
        ObjectNode text = tree.deepCopy();
        text.put("note", "asiakas soitti");
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_RECORDED, text)).isNotEmpty();
    }

    @Test
    void anAuditAnchorIsKeyedByItsService() {
        var anchor = new fi.yhdyspinta.events.payload.AuditAnchored("consent-service", 1000, "0f".repeat(32),
                OffsetDateTime.now());
        JsonNode data = EventJson.mapper().valueToTree(anchor);
        assertThat(EventSchemas.payloadErrors(EventType.AUDIT_ANCHORED, data)).isEmpty();
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), "/yhdyspinta/consent-service",
                EventType.AUDIT_ANCHORED, "consent-service", OffsetDateTime.now(), UUID.randomUUID().toString(),
                null, data);
        assertThat(EventSchemas.eventErrors(EventJson.mapper().valueToTree(event))).isEmpty();
        ObjectNode named = EventJson.mapper().valueToTree(event);
        named.put("subject", "matti");
        assertThat(EventSchemas.eventErrors(named)).as("a subject that is no service name").isNotEmpty();
    }

    @Test
    void theAsyncApiDocumentListsEveryTopicWithItsTypesAndDeadLetterTopic() throws IOException {
        String asyncApi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            asyncApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Topic topic : Topic.values()) {
            for (String address : List.of(topic.topic(), topic.deadLetterTopic())) {
                String channel = channel(asyncApi, address);
                for (EventType type : topic.types()) {
                    assertThat(channel).as(address + " lists " + type.name())
                            .contains("$ref: '#/components/messages/" + type.name() + "'");
                }
                assertThat(channel.split("\\$ref: ", -1)).as(address + " lists only its family's types")
                        .hasSize(topic.types().size() + 1);
            }
        }
        for (EventType type : EventType.values()) {
            assertThat(asyncApi).as(type.name()).contains("const: " + type.type() + "\n")
                    .contains(type.schemaResource());
        }
        assertThat(asyncApi).doesNotContain("address: consent-granted");
    }

    /** The text of the channel whose address this is, up to the next channel. */
    private static String channel(String asyncApi, String address) {
        int start = asyncApi.indexOf("    address: " + address + "\n");
        assertThat(start).as("a channel with address " + address).isPositive();
        int end = asyncApi.indexOf("\n  ", asyncApi.indexOf("messages:", start) + 1);
        while (end >= 0 && asyncApi.startsWith("\n   ", end)) {
            end = asyncApi.indexOf("\n  ", end + 1);
        }
        return asyncApi.substring(start, end < 0 ? asyncApi.length() : end);
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            return EventJson.mapper().readTree(in);
        }
    }

    private static List<String> names(Class<? extends Enum<?>> codes) {
        return Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList();
    }
}
