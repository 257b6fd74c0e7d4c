package fi.yhdyspinta.platform.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import fi.yhdyspinta.events.code.ArchiveDocumentKind;
import fi.yhdyspinta.events.code.ArchiveRegister;
import fi.yhdyspinta.platform.client.ClientId;
import fi.yhdyspinta.platform.outbox.Background;
import fi.yhdyspinta.platform.outbox.Causation;
import fi.yhdyspinta.testsupport.TestInfrastructure;
import fi.yhdyspinta.testsupport.oidc.TestUser;
import fi.yhdyspinta.testsupport.oidc.TestUsers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

import static io.restassured.RestAssured.given;

/** Records archive documents as a service would (in a transaction of its own), and calls the feed as the archive. */
@ApplicationScoped
public class ArchiveFixture {

    static final String HEALTH_CENTRE = TestUsers.HEALTH_CENTRE;
    static final String HETU = "131052-9085";

    private final ArchiveDocuments documents;
    private final ArchiveOverdue overdue;
    private final Vertx vertx;

    public ArchiveFixture(ArchiveDocuments documents, ArchiveOverdue overdue, Vertx vertx) {
        this.documents = documents;
        this.overdue = overdue;
        this.vertx = vertx;
    }

    static ClientId newClient() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            return new ClientId(HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small document Bundle carrying the client's henkilötunnus, as the services' bundles do. */
    static String bundle(UUID documentId, String status) {
        return "{\"resourceType\":\"Bundle\",\"id\":\"" + documentId + "\",\"type\":\"document\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Consent\",\"status\":\"" + status + "\",\"patient\":{\"identifier\":{\"system\":"
                + "\"urn:oid:1.2.246.21\",\"value\":\"" + HETU + "\"}}}}]}";
    }

    static ArchiveDraft draft(UUID documentId, ClientId client, ArchiveRegister register, String status) {
        return new ArchiveDraft(documentId, ArchiveDocumentKind.CONSENT, register, UUID.randomUUID(), HEALTH_CENTRE,
                client, "R", ArchiveRetention.CONSENT_RECORD, bundle(documentId, status));
    }

    ArchivedVersion record(ArchiveDraft draft) {
        return await(() -> Panache.withTransaction(() -> documents.record(draft, Causation.newChain())));
    }

    int checkOverdue() {
        return await(overdue::check);
    }

    <T> T await(Supplier<Uni<T>> work) {
        try {
            return Background.run(vertx, work).toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(TestUser user) {
        return given().auth().oauth2(TestInfrastructure.tokenFor(user));
    }

    static RequestSpecification asArchive() {
        return as(TestUsers.ARCHIVE);
    }
}
