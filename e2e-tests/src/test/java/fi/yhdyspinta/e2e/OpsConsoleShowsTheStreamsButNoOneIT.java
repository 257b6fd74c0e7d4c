package fi.yhdyspinta.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import fi.yhdyspinta.infra.FreePorts;
import fi.yhdyspinta.testsupport.PersonalDataScan;
import fi.yhdyspinta.testsupport.TestInfrastructure;

/**
 * Issue 12: the ops console in a real browser (Debian's headless Chromium). An ops engineer logs in through the
 * issuer's login page (authorization-code flow), watches a referral's events arrive live while the main flow runs
 * over REST, follows its correlation id across services, re-drives a dead letter with a confirmation, and sees
 * lag, queues and health; a nurse who logs in is refused. No page's HTML and nothing of the event stream carries
 * the client's henkilötunnus — not even of a poison event that had it in its data. A screenshot per view lands in
 * {@code e2e-tests/target/screenshots/}.
 */
@ExtendWith(SuiteExtension.class)
class OpsConsoleShowsTheStreamsButNoOneIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(60);

    private static ServiceProcess console;
    private static Path screenshots;
    private final List<String> pages = new ArrayList<>();

    @BeforeAll
    static void startConsole() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing: install Debian's chromium and chromium-driver "
                    + "(apt-get install -y chromium chromium-driver; .ci/run does)");
        }
        Suite suite = SuiteExtension.suite();
        TestInfrastructure infra = TestInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", infra.oidc().issuer());
        config.put("yhdyspinta.ops.events.group", "ops-console-e2e");
        config.put("yhdyspinta.ops.services.referral.url", suite.referral.baseUri());
        config.put("yhdyspinta.ops.services.consent.url", suite.consent.baseUri());
        config.put("yhdyspinta.ops.services.careplan.url", suite.carePlan.baseUri());
        config.put("yhdyspinta.ops.services.notification.url", suite.notification.baseUri());
        console = ServiceProcess.start(Suite.root(), "ops-console", FreePorts.next(), config, suite.logDir);
        console.awaitReady(Duration.ofSeconds(120));
        screenshots = Suite.root().resolve("e2e-tests/target/screenshots");
    }

    @AfterAll
    static void stopConsole() {
        if (console != null) {
            console.stop();
        }
    }

    @Test
    void opsWatchAReferralLiveFollowItsCorrelationAndRedriveADeadLetterWithoutSeeingTheClient() throws Exception {
        Suite suite = SuiteExtension.suite();
        WebDriver browser = browser();
        try {
            logIn(browser, "ops");
            await(browser, b -> !b.findElements(By.id("events")).isEmpty()
                    && "open".equals(b.findElement(By.tagName("body")).getDomAttribute("data-stream")));
            StreamTap stream = StreamTap.open(console.baseUri() + "/events/stream", browser.manage().getCookies());

            MainFlows flows = new MainFlows(Map.of("referral", List.of(suite.referral), "consent",
                    List.of(suite.consent), "careplan", List.of(suite.carePlan), "notification",
                    List.of(suite.notification)));
            MainFlows.Flow flow = MainFlows.join(flows.start(1, 1)).get(0);
            String shortSubject = flow.clientId().substring(0, 12) + "…";

            // the referral's events arrive live in the open page
            await(browser, b -> rows(b, shortSubject).stream().anyMatch(r -> r.getDomAttribute("data-type")
                    .equals("fi.yhdyspinta.referral.completed.v1")));
            WebElement need = rows(browser, shortSubject).stream()
                    .filter(r -> r.getDomAttribute("data-type").equals("fi.yhdyspinta.need.identified.v1")).findFirst()
                    .orElseThrow(() -> new AssertionError("need-identified of the flow not in the stream"));
            String correlation = need.getDomAttribute("data-correlation");
            keep(browser, "1-events");

            // follow its correlation id: the story across services, oldest first
            need.findElement(By.cssSelector("a.follow")).click();
            await(browser, b -> b.getCurrentUrl().contains("/timeline/"));
            List<WebElement> story = browser.findElements(By.cssSelector("#event-rows tr.event"));
            assertThat(story).allSatisfy(r -> assertThat(r.getDomAttribute("data-correlation")).isEqualTo(correlation));
            assertThat(story.get(0).getDomAttribute("data-type")).isEqualTo("fi.yhdyspinta.need.identified.v1");
            assertThat(story.stream().map(r -> r.findElements(By.tagName("td")).get(6).getText()).distinct())
                    .as("producers in the timeline").hasSizeGreaterThanOrEqualTo(2);
            keep(browser, "2-timeline");

            // a poison record with the henkilötunnus in its data lands in consents.dlq; re-drive it
            String poisonId = UUID.randomUUID().toString();
            producePoison(poisonId, flow.clientId(), flow.hetu);
            browser.get(console.baseUri() + "/dead-letters");
            await(browser, b -> {
                b.navigate().refresh();
                return !b.findElements(By.cssSelector("tr.dead-letter[data-event='" + poisonId + "']")).isEmpty();
            });
            keep(browser, "3-dead-letters");
            WebElement letter = browser.findElement(By.cssSelector("tr.dead-letter[data-event='" + poisonId + "']"));
            assertThat(letter.findElement(By.cssSelector("td.reason")).getText()).contains("unknown event type");
            String service = letter.getDomAttribute("data-service");
            letter.findElement(By.cssSelector("a.redrive")).click();
            await(browser, b -> !b.findElements(By.id("confirm")).isEmpty());
            keep(browser, "4-redrive-confirmation");
            browser.findElement(By.id("confirm")).click();
            await(browser, b -> b.getCurrentUrl().contains("/dead-letters?answered="));
            assertThat(browser.findElement(By.id("answered")).getText()).contains("200");
            WebElement redriven = browser.findElements(By.cssSelector("tr.dead-letter[data-event='" + poisonId
                    + "'][data-service='" + service + "']")).get(0);
            assertThat(redriven.findElement(By.cssSelector("td.redriven-at")).getText()).isNotBlank();

            // lag and queues, health; and the Finnish labels
            browser.get(console.baseUri() + "/lag");
            await(browser, b -> !b.findElements(By.cssSelector("#lag tr.lag")).isEmpty());
            assertThat(browser.findElement(By.id("lag")).getText()).contains("ops-console-e2e");
            assertThat(browser.findElement(By.id("queues")).getText()).contains("referral", "consent", "careplan",
                    "notification");
            keep(browser, "5-lag-and-queues");
            browser.get(console.baseUri() + "/health");
            assertThat(browser.findElements(By.cssSelector("#health tr.service"))).hasSize(4)
                    .allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo("UP"))
                    .allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td.audit")).getText()).startsWith("OK"));
            assertThat(browser.findElement(By.id("broker")).getText()).contains("1");
            keep(browser, "6-health");
            browser.findElement(By.id("lang-fi")).click();
            await(browser, b -> b.findElement(By.id("nav-health")).getText().equals("Terveys"));
            keep(browser, "7-health-fi");

            String streamed = stream.close();
            assertThat(streamed).contains(correlation).contains(poisonId);
            Pattern hetu = PersonalDataScan.henkilotunnusOrBirthDate(flow.hetu.substring(0, 6));
            assertThat(streamed).as("the event stream").doesNotContainPattern(hetu);
            assertThat(pages).hasSizeGreaterThanOrEqualTo(7)
                    .allSatisfy(html -> assertThat(html).as("a page's HTML").doesNotContainPattern(hetu));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aNurseWhoLogsInIsRefusedAndSeesNothingOfTheConsole() throws Exception {
        WebDriver browser = browser();
        try {
            logIn(browser, "nurse");
            await(browser, b -> !b.findElements(By.id("forbidden")).isEmpty());
            keep(browser, "8-nurse-refused");
            assertThat(browser.findElements(By.id("nav-events"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain("event-rows");
            for (String page : List.of("/events", "/lag", "/dead-letters", "/health")) {
                browser.get(console.baseUri() + page);
                assertThat(browser.findElements(By.id("forbidden"))).as(page).hasSize(1);
            }
            HttpResponse<String> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(console.baseUri() + "/events/stream")).header("Cookie", cookieHeader(browser.manage()
                            .getCookies())).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stream.statusCode()).as("the stream, as the nurse").isEqualTo(403);
        } finally {
            browser.quit();
        }
    }

    private static WebDriver browser() {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=en-US");
        return new ChromeDriver(service, options);
    }

    /** The console sends the browser to the issuer's login page; the user name is typed there. */
    private void logIn(WebDriver browser, String user) {
        browser.get(console.baseUri() + "/events");
        await(browser, b -> !b.findElements(By.id("username")).isEmpty());
        pages.add(browser.getPageSource());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("login")).click();
        await(browser, b -> b.getCurrentUrl().startsWith(console.baseUri()));
    }

    private static List<WebElement> rows(WebDriver browser, String shortSubject) {
        return browser.findElements(By.cssSelector("#event-rows tr.event")).stream()
                .filter(row -> row.findElements(By.tagName("td")).get(3).getText().equals(shortSubject)).toList();
    }

    private void keep(WebDriver browser, String name) throws IOException {
        pages.add(browser.getPageSource());
        Files.createDirectories(screenshots);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void await(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void producePoison(String id, String clientId, String hetu) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String poison = """
                {"specversion":"1.0","id":"%s","source":"/e2e/poison","type":"fi.yhdyspinta.consent.misspelt.v1",
                 "subject":"%s","time":"2026-11-25T10:00:00Z","datacontenttype":"application/json",
                 "correlationid":"%s","data":{"note":"asiakas %s soitti"}}""".formatted(id, clientId, id, hetu);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>("consents", clientId, poison)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String cookieHeader(java.util.Set<Cookie> cookies) {
        return cookies.stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /** The raw server-sent events the console streams to a logged-in browser session, read on the side. */
    static final class StreamTap {
        private final StringBuffer text = new StringBuffer();
        private final Thread reader;
        private volatile InputStream body;

        private StreamTap(String url, String cookies) {
            reader = new Thread(() -> {
                try {
                    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(url)).header("Cookie", cookies).header("Accept", "text/event-stream").build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    text.append("status ").append(response.statusCode()).append('\n');
                    body = response.body();
                    byte[] buffer = new byte[8192];
                    for (int n; (n = body.read(buffer)) >= 0;) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // closed by close()
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sse-tap");
            reader.setDaemon(true);
            reader.start();
        }

        static StreamTap open(String url, java.util.Set<Cookie> cookies) {
            return new StreamTap(url, cookieHeader(cookies));
        }

        String close() throws Exception {
            Thread.sleep(1000);
            if (body != null) {
                body.close();
            }
            reader.join(5000);
            assertThat(text.toString()).startsWith("status 200");
            return text.toString();
        }
    }
}
