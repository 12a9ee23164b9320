package dev.appointments.query.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver, headless, started without Selenium Manager (the
 * paths are given, so it has nothing to download). Where they are missing the browser
 * tests fail in CI, which must install them ({@code .ci/run} does), and are skipped with
 * a message elsewhere.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /**
     * Fails (in CI) or skips (elsewhere) the calling test when Chromium or its driver is
     * not installed.
     */
    static void requireInstalled() {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing = "Chromium and chromedriver are needed at " + BROWSER + " and " + DRIVER
                + " (Debian: apt-get install -y chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            Assertions.fail(missing + "; CI must install them before the tests run.");
        }
        Assumptions.abort(missing + "; skipping the browser test outside CI.");
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
        return new ChromeDriver(service, options);
    }

}
