package dev.appointments.localstack;

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
 * The patient page of the local run in a real browser (Debian's headless Chromium), end to end: the demo patient signs
 * in through the authorization server's login form (authorization code with PKCE, from the page's script), picks
 * demo-auto and a date, books a free time at the request-service and sees it CONFIRMED; a second tab, still showing
 * that time as free, tries it too and is told the slot was just taken (the intake's 409). Leaves screenshots in
 * target/patient-page.png and target/patient-page-conflict.png.
 */
class PatientPageBrowserIntegrationTests {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "patient-page.png");
    private static final Path CONFLICT_SCREENSHOT = Path.of("target", "patient-page-conflict.png");
    private static final String DEMO_PATIENT_ID = "demo-patient-ada";

    private static LocalStack stack;

    private ChromeDriver browser;

    @BeforeAll
    static void start() {
        if (chromiumInstalled()) {
            stack = LocalStack.start(LocalStackSettings.anyFreePorts());
        }
    }

    /** Checked per test, so that without Chromium each test is reported as skipped (with the reason), not lost. */
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
        String time = browser.findElements(By.cssSelector("#slot-list button.slot")).getFirst().getDomAttribute("data-time");

        // A second tab, signed in without the form (the authorization server remembers her), shows the same times.
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
                .as("the booked time leaves the list").isEmpty();
        wait.until(driver -> driver.findElements(
                By.cssSelector("#appointments tbody tr .status[data-status='CONFIRMED']")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#appointments tbody")).getText()).contains(date, time, "demo-auto");
        screenshot(SCREENSHOT);

        browser.switchTo().window(secondTab);
        slot(time).click();
        wait.until(driver -> "TAKEN".equals(bookingState(driver)));
        assertThat(browser.findElement(By.id("booking-status")).getText()).contains("just taken", time);
        wait.until(driver -> driver.findElements(
                By.cssSelector("#appointments tbody tr .status[data-status='CONFIRMED']")).size() == 1);
        screenshot(CONFLICT_SCREENSHOT);
        // Chromium logs every answer over 399 as an error; the conflict is the one the page expects.
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .as("nothing refused by the content security policy or CORS, no script errors")
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()
                        && !entry.getMessage().contains("appointment-requests - Failed to load resource: "
                                + "the server responded with a status of 409"));

        List<String> adasAppointments = appointmentsOf(DEMO_PATIENT_ID);
        assertThat(adasAppointments).as("one booking, not two").hasSize(1);
    }

    private void showFreeTimes(WebDriverWait wait, String date) {
        WebElement provider = browser.findElement(By.id("provider"));
        provider.clear();
        provider.sendKeys("demo-auto");
        // Typing into a date field depends on the browser's locale; the value itself does not.
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
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stack.port("query-service") + "/api/appointments?patientId=" + patientId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body()).results()
                .map(match -> match.group(1)).toList();
    }

    /** A weekday at least two days ahead in New York, inside demo-auto's notice and advance limits. */
    private static LocalDate bookableDate() {
        LocalDate day = LocalDate.now(ZoneId.of("America/New_York")).plusDays(2);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Debian's Chromium and chromedriver: missing, the test fails in CI (which installs them) and is skipped elsewhere. */
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
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }
}
