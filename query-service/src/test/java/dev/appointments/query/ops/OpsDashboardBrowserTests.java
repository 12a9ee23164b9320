package dev.appointments.query.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard at /ops in a real browser (headless Chromium) against the running
 * service: an operator pastes a token, sees every queue's numbers as SQS has them with
 * the dead letters highlighted, reads the dead letters and redrives them after
 * confirming. Leaves a screenshot in target/ops-dashboard.png.
 */
class OpsDashboardBrowserTests extends OpsIntegrationTest {

    private static final Path SCREENSHOT = Path.of("target", "ops-dashboard.png");

    private ChromeDriver browser;

    /**
     * Per test, so that without Chromium each test is reported as skipped with the
     * reason, not lost.
     */
    @BeforeEach
    void browserInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheQueuesAsSqsHasThemAndRedrivesDeadLettersAfterConfirmation() throws Exception {
        String url = url(BROWSER_QUEUE);
        for (int i = 0; i < 12; i++) {
            int n = i;
            engines.sqs()
                .sendMessage(request -> request.queueUrl(url)
                    .messageBody("{\"type\":\"ConfirmAppointment\",\"n\":" + n + "}"));
        }
        String dlqUrl = url(BROWSER_QUEUE + "-dlq");
        List<String> deadBodies = List.of("{\"type\":\"ConfirmAppointment\",\"requestId\":\"dead-1\"}",
                "{\"type\":\"ConfirmAppointment\",\"requestId\":\"dead-2\"}");
        deadBodies.forEach(body -> engines.sqs().sendMessage(request -> request.queueUrl(dlqUrl).messageBody(body)));

        browser = HeadlessChromium.start();
        // The page refreshes the table every second: look elements up again rather than
        // hold on to them.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(base() + "/ops?refreshMs=1000");
        assertThat(browser.getTitle()).contains("Operations");
        browser.findElement(By.id("token")).sendKeys(OpsTokens.ops());
        browser.findElement(By.id("use-token")).click();

        wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-queue='" + BROWSER_QUEUE + "']")));
        wait.until(driver -> text(BROWSER_QUEUE, "visible").equals("12"));
        assertThat(text(BROWSER_QUEUE, "dead-letters")).isEqualTo("2");
        assertThat(cell(BROWSER_QUEUE, "dead-letters").getAttribute("class")).contains("nonzero");
        assertThat(browser.findElement(By.id("status")).getText()).contains("dead letter");

        // Every row shows what SQS says (nothing consumes these queues while the page is
        // open).
        List<String> queues = browser.findElements(By.cssSelector("#queues tbody tr"))
            .stream()
            .map(each -> each.getAttribute("data-queue"))
            .toList();
        assertThat(queues).containsExactly("appointment-requests", "appointment-confirmations", "appointment-reminders",
                DEPTH_QUEUE, POISON_QUEUE, BROWSER_QUEUE);
        for (String queue : queues) {
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
                long[] work = depth(queue);
                long[] dead = depth(queue + "-dlq");
                assertThat(List.of(text(queue, "visible"), text(queue, "in-flight"), text(queue, "delayed"),
                        text(queue, "dead-letters")))
                    .as(queue)
                    .containsExactly(Long.toString(work[0]), Long.toString(work[1]), Long.toString(work[2]),
                            Long.toString(dead[0] + dead[1]));
                assertThat(cell(queue, "dead-letters").getAttribute("class").contains("nonzero"))
                    .isEqualTo(dead[0] + dead[1] > 0);
            });
        }

        cell(BROWSER_QUEUE, "actions").findElement(By.cssSelector("button.browse")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("#dlq-messages article.message")).size() == 2);
        String shown = browser.findElement(By.id("dlq-messages")).getText();
        assertThat(shown).contains("dead-1", "dead-2", "Receive count");
        assertThat(depth(BROWSER_QUEUE + "-dlq")[0]).as("peeking leaves the dead letters where they are").isEqualTo(2);

        // Let the chart gather a few points, then keep a picture of the page with real
        // numbers.
        Thread.sleep(5000);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isPositive();

        cell(BROWSER_QUEUE, "actions").findElement(By.cssSelector("button.redrive")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-redrive")));
        assertThat(dialog.getText())
            .contains("Move 2 dead letter(s) of " + BROWSER_QUEUE + "-dlq back to " + BROWSER_QUEUE);
        browser.findElement(By.id("confirm-redrive-button")).click();

        wait.until(driver -> driver.findElement(By.id("action-status")).getText().contains("completed: 2 moved"));
        wait.until(driver -> text(BROWSER_QUEUE, "dead-letters").equals("0"));
        assertThat(cell(BROWSER_QUEUE, "dead-letters").getAttribute("class")).doesNotContain("nonzero");
        assertThat(text(BROWSER_QUEUE, "visible")).isEqualTo("14");
        assertThat(depth(BROWSER_QUEUE)[0]).isEqualTo(14);
    }

    private WebElement cell(String queue, String field) {
        return browser.findElement(By.cssSelector("tr[data-queue='" + queue + "'] td." + field));
    }

    private String text(String queue, String field) {
        return cell(queue, field).getText();
    }

}
