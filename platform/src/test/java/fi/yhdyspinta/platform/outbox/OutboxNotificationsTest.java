package fi.yhdyspinta.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgConnectOptions;

/** The LISTEN connection goes where the service's reactive datasource goes, with its credentials. */
class OutboxNotificationsTest {

    @Test
    void theReactiveUrlAndCredentialsOfTheDatasourceAreUsed() {
        PgConnectOptions options = OutboxNotifications.connectOptions("postgresql://127.0.0.1:15432/referral",
                Optional.of("yhdyspinta"), Optional.of("secret"));
        assertThat(options.getHost()).isEqualTo("127.0.0.1");
        assertThat(options.getPort()).isEqualTo(15432);
        assertThat(options.getDatabase()).isEqualTo("referral");
        assertThat(options.getUser()).isEqualTo("yhdyspinta");
        assertThat(options.getPassword()).isEqualTo("secret");
    }

    @Test
    void quarkusUrlFormsAreAccepted() {
        PgConnectOptions options = OutboxNotifications.connectOptions(
                "vertx-reactive:postgresql://db-1:5432/consent,postgresql://db-2:5432/consent", Optional.empty(),
                Optional.empty());
        assertThat(options.getHost()).isEqualTo("db-1");
        assertThat(options.getDatabase()).isEqualTo("consent");
    }
}
