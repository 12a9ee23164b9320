package dev.appointments.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;

import dev.appointments.authserver.LocalAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient and provider pages of the local run in a real browser (Debian's headless
 * Chromium), end to end:
 * <ul>
 * <li>the demo patient signs in through the authorization server's login form
 * (authorization code with PKCE, from the page's script), picks demo-auto and a date,
 * books a free time at the request-service and sees it CONFIRMED; a second tab, still
 * showing that time as free, tries it too and is told the slot was just taken (the
 * intake's 409);</li>
 * <li>a new user signs up, enters its details, books, sees it confirmed, reschedules it
 * to another free time and cancels it with a reason;</li>
 * <li>the provider signs in to /provider, confirms one hold of demo-manual, declines
 * another with a reason, marks the confirmed one completed on the day's calendar, and
 * saves its rules.</li>
 * </ul>
 * Leaves screenshots in target/*.png.
 */
class PatientPageBrowserIntegrationTests {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final Path SCREENSHOT = Path.of("target", "patient-page.png");

    private static final Path CONFLICT_SCREENSHOT = Path.of("target", "patient-page-conflict.png");

    private static final String DEMO_PATIENT_ID = "demo-patient-ada";

    private static LocalRun stack;

    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        if (chromiumInstalled()) {
            stack = LocalRun.start(LocalRunSettings.anyFreePorts());
        }
    }

    /**
     * Checked per test, so that without Chromium each test is reported as skipped (with
     * the reason), not lost.
     */
    @BeforeEach
    void requireBrowser() {
        requireChromium();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void adaSignsInBooksAFreeTimeSeesItConfirmedAndIsToldWhenATimeWasJustTaken() throws Exception {
        String page = "http://127.0.0.1:" + stack.port("query-service") + "/";
        String date = bookableDate().toString();
        browser = startChromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(page);
        assertThat(browser.getTitle()).contains("Appointments");
        String firstTab = browser.getWindowHandle();
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("ada");
        browser.findElement(By.name("password")).sendKeys("demo-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        assertThat(browser.findElement(By.id("who")).getText()).contains(DEMO_PATIENT_ID);
        assertThat(browser.getCurrentUrl()).as("the single-use code is gone from the address").isEqualTo(page);
        showFreeTimes(wait, date);
        String time = browser.findElements(By.cssSelector("#slot-list button.slot"))
            .getFirst()
            .getDomAttribute("data-time");

        // A second tab, signed in without the form (the authorization server remembers
        // her), shows the same times.
        browser.switchTo().newWindow(WindowType.TAB);
        String secondTab = browser.getWindowHandle();
        browser.get(page);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        showFreeTimes(wait, date);
        assertThat(slot(time).isEnabled()).isTrue();

        browser.switchTo().window(firstTab);
        slot(time).click();
        wait.until(driver -> "CONFIRMED".equals(bookingState(driver)));
        assertThat(browser.findElement(By.id("booking-status")).getText()).contains(time, "demo-auto", "Confirmed");
        assertThat(browser.findElements(By.cssSelector("#slot-list button[data-time='" + time + "']")))
            .as("the booked time leaves the list")
            .isEmpty();
        wait.until(
                driver -> driver.findElements(By.cssSelector("#appointments tbody tr .status[data-status='CONFIRMED']"))
                    .size() == 1);
        assertThat(browser.findElement(By.cssSelector("#appointments tbody")).getText()).contains(date, time,
                "demo-auto");
        screenshot(SCREENSHOT);

        browser.switchTo().window(secondTab);
        slot(time).click();
        wait.until(driver -> "TAKEN".equals(bookingState(driver)));
        assertThat(browser.findElement(By.id("booking-status")).getText()).contains("just taken", time);
        wait.until(
                driver -> driver.findElements(By.cssSelector("#appointments tbody tr .status[data-status='CONFIRMED']"))
                    .size() == 1);
        screenshot(CONFLICT_SCREENSHOT);
        // Chromium logs every answer over 399 as an error; the conflict is the one the
        // page expects.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
            .as("nothing refused by the content security policy or CORS, no script errors")
            .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue() && !entry.getMessage()
                .contains("appointment-requests - Failed to load resource: "
                        + "the server responded with a status of 409"));

        List<String> adasAppointments = appointmentsOf(DEMO_PATIENT_ID);
        assertThat(adasAppointments).as("one booking, not two").hasSize(1);
    }

    @Test
    void aNewUserSignsUpBooksSeesItConfirmedReschedulesAndCancels() throws Exception {
        String page = "http://127.0.0.1:" + stack.port("query-service") + "/";
        String date = bookableDate().plusDays(7).toString();
        String username = "new-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        browser = startChromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(page);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-up-link"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("a-long-password");
        browser.findElement(By.id("sign-up")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Account created"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys("a-long-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        assertThat(browser.findElement(By.id("who")).getText()).contains(username, "patient-");
        wait.until(driver -> "missing".equals(driver.findElement(By.id("details")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("book")).isDisplayed()).as("no booking before the details").isFalse();

        browser.findElement(By.id("details-firstName")).sendKeys("Grace");
        browser.findElement(By.id("details-lastName")).sendKeys("Hopper");
        browser.findElement(By.id("details-email")).sendKeys(username + "@example.com");
        browser.executeScript("document.getElementById('details-dateOfBirth').value = '1906-12-09';");
        browser.findElement(By.id("save-details")).click();
        wait.until(driver -> "saved".equals(driver.findElement(By.id("details")).getDomAttribute("data-state")));
        assertThat(browser.findElement(By.id("details-status")).getText()).contains("You can book now");

        showFreeTimes(wait, date);
        List<WebElement> free = browser.findElements(By.cssSelector("#slot-list button.slot"));
        String time = free.get(2).getDomAttribute("data-time");
        String later = free.get(6).getDomAttribute("data-time");
        slot(time).click();
        wait.until(driver -> "CONFIRMED".equals(bookingState(driver)));
        WebElement row = wait.until(driver -> driver.findElement(By.cssSelector("#appointments tbody tr")));
        String appointmentId = row.getDomAttribute("data-appointment-id");
        wait.until(driver -> upcoming(driver, appointmentId).getText().contains("Confirmed"));
        screenshot(Path.of("target", "new-patient-booked.png"));

        upcoming(browser, appointmentId).findElement(By.cssSelector("button.reschedule")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("moving")));
        wait.until(driver -> !driver.findElements(By.cssSelector("#slot-list button[data-time='" + later + "']"))
            .isEmpty());
        slot(later).click();
        wait.until(driver -> "CONFIRMED".equals(bookingState(driver))
                && driver.findElement(By.id("booking-status")).getText().contains(later));
        wait.until(driver -> upcoming(driver, appointmentId).getText().contains(later));
        assertThat(browser.findElement(By.id("moving")).isDisplayed()).isFalse();
        screenshot(Path.of("target", "new-patient-rescheduled.png"));

        upcoming(browser, appointmentId).findElement(By.cssSelector("button.cancel")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-reason"))).sendKeys("feeling better");
        browser.findElement(By.cssSelector("tr.cancel-form button.danger")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("appointments-status"), "Cancelled"));
        wait.until(driver -> upcoming(driver, appointmentId)
            .findElements(By.cssSelector(".status[data-status='CANCELLED']"))
            .size() == 1);
        assertThat(upcoming(browser, appointmentId).getText()).contains("feeling better", later);
        assertThat(upcoming(browser, appointmentId).findElements(By.cssSelector("button"))).isEmpty();
        screenshot(Path.of("target", "new-patient-cancelled.png"));
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
            .as("nothing refused by the content security policy or CORS, no script errors")
            .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue() && !entry.getMessage()
                .contains("patients/me - Failed to load resource: " + "the server responded with a status of 404"));
    }

    @Test
    void theProviderConfirmsAHoldDeclinesAnotherAndIsToldAFutureOneCannotBeCompletedYet() throws Exception {
        String page = "http://127.0.0.1:" + stack.port("query-service") + "/provider";
        String date = bookableDate().plusDays(14).toString();
        String confirmed = holdOfDemoManual(date, "14:00");
        String declined = holdOfDemoManual(date, "14:30");
        browser = startChromium();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(page);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("grey");
        browser.findElement(By.name("password")).sendKeys("demo-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("who")));
        assertThat(browser.getCurrentUrl()).isEqualTo(page);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("provider-id")))
            .selectByValue("demo-manual");
        wait.until(driver -> !driver.findElements(hold(confirmed)).isEmpty()
                && !driver.findElements(hold(declined)).isEmpty());
        assertThat(browser.findElement(hold(confirmed)).findElement(By.cssSelector(".deadline")).getText())
            .contains("min");
        screenshot(Path.of("target", "provider-holds.png"));

        browser.findElement(hold(confirmed)).findElement(By.cssSelector("button.confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("provider-status"), "Confirmed"));
        wait.until(driver -> driver.findElements(hold(confirmed)).isEmpty());
        browser.findElement(hold(declined)).findElement(By.cssSelector("button.decline")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decline-reason"))).sendKeys("on leave");
        browser.findElement(By.cssSelector("tr.decline-form button.danger")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("provider-status"), "Declined"));
        wait.until(driver -> driver.findElements(hold(declined)).isEmpty());

        browser.executeScript("document.getElementById('day').value = arguments[0];", date);
        browser.findElement(By.id("show-day")).click();
        By confirmedRow = By.cssSelector("#calendar tr[data-appointment-id='" + confirmed + "']");
        wait.until(driver -> !driver.findElements(confirmedRow).isEmpty());
        assertThat(
                browser.findElement(By.cssSelector("#calendar tr[data-appointment-id='" + declined + "']")).getText())
            .contains("on leave");
        // The appointment lies ahead: completing it is refused until it starts, and the
        // page says so in words.
        browser.findElement(confirmedRow).findElement(By.cssSelector("button.complete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("provider-status"), "has not started yet"));
        screenshot(Path.of("target", "provider-day.png"));

        WebElement name = browser.findElement(By.id("rules-name"));
        String version = browser.findElement(By.id("rules-version")).getText();
        name.clear();
        name.sendKeys("Demo manual clinic");
        browser.findElement(By.id("save-rules")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rules-status"), "Saved"));
        assertThat(browser.findElement(By.id("rules-version")).getText()).isNotEqualTo(version);
        assertThat(statusOf(confirmed)).isEqualTo("CONFIRMED");
        assertThat(statusOf(declined)).isEqualTo("DECLINED");
    }

    private static By hold(String appointmentId) {
        return By.cssSelector("#holds tr[data-appointment-id='" + appointmentId + "']");
    }

    private static WebElement upcoming(WebDriver driver, String appointmentId) {
        return driver.findElement(By.cssSelector("#appointments tr[data-appointment-id='" + appointmentId + "']"));
    }

    /**
     * A booking of demo-manual, held for the provider's confirmation, made by the
     * scheduler over HTTP.
     */
    private static String holdOfDemoManual(String date, String time) throws Exception {
        String token = stack.auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
        String body = """
                {"providerId": "demo-manual", "patientId": "%s", "appointmentDate": "%s", "startTime": "%s",
                 "notes": "first visit"}""".formatted(DEMO_PATIENT_ID, date, time);
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(
                        URI.create("http://127.0.0.1:" + stack.port("request-service") + "/api/appointment-requests"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Prefer", "wait=10")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body().replaceAll(".*\"appointmentId\":\"([^\"]+)\".*", "$1");
    }

    private static String statusOf(String appointmentId) throws Exception {
        String token = stack.auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(URI
                    .create("http://127.0.0.1:" + stack.port("query-service") + "/api/appointments/" + appointmentId))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.body().replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1");
    }

    private void showFreeTimes(WebDriverWait wait, String date) {
        WebElement provider = browser.findElement(By.id("provider"));
        provider.clear();
        provider.sendKeys("demo-auto");
        // Typing into a date field depends on the browser's locale; the value itself does
        // not.
        browser.executeScript("const field = document.getElementById('date'); field.value = arguments[0];"
                + " field.dispatchEvent(new Event('change'));", date);
        browser.findElement(By.id("show-slots")).click();
        wait.until(driver -> !driver.findElements(By.cssSelector("#slot-list button.slot")).isEmpty());
        assertThat(browser.findElement(By.id("slots-summary")).getText()).contains("demo-auto", "America/New York");
    }

    private WebElement slot(String time) {
        return browser.findElement(By.cssSelector("#slot-list button[data-time='" + time + "']"));
    }

    private static String bookingState(WebDriver driver) {
        return driver.findElement(By.id("booking")).getDomAttribute("data-state");
    }

    private void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(file)).isPositive();
    }

    /** The appointment ids of a patient, read by a scheduler from the query API. */
    private static List<String> appointmentsOf(String patientId) throws Exception {
        String token = stack.auth().clientCredentialsToken("demo-scheduler", LocalAuthServer.DEMO_SECRET);
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest
                .newBuilder(URI.create(
                        "http://127.0.0.1:" + stack.port("query-service") + "/api/appointments?patientId=" + patientId))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return java.util.regex.Pattern.compile("\"appointmentId\":\"([^\"]+)\"")
            .matcher(response.body())
            .results()
            .map(match -> match.group(1))
            .toList();
    }

    /**
     * A weekday at least two days ahead in New York, inside demo-auto's notice and
     * advance limits.
     */
    private static LocalDate bookableDate() {
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * Debian's Chromium and chromedriver: missing, the test fails in CI (which installs
     * them) and is skipped elsewhere.
     */
    private static boolean chromiumInstalled() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    private static void requireChromium() {
        if (chromiumInstalled()) {
            return;
        }
        String missing = "Chromium and chromedriver are needed at " + BROWSER + " and " + DRIVER
                + " (Debian: apt-get install -y chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            Assertions.fail(missing + "; CI must install them before the tests run.");
        }
        Assumptions.abort(missing + "; skipping the patient page's browser test outside CI.");
    }

    /** Headless, with the paths given, so Selenium Manager has nothing to download. */
    private static ChromeDriver startChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
        return new ChromeDriver(service, options);
    }

}
