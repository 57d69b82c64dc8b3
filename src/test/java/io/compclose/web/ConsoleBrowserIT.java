package io.compclose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.compclose.support.CloseProcess;
import io.compclose.support.Poll;

/**
 * The console as a person uses it: the packaged jar closes the demo October (stopped at the gate, approved,
 * completed), {@code console} starts (the README's line), and Debian's Chromium signs in as finance, payroll and a rep. Each page's
 * screenshot is kept under target/console-screenshots.
 */
class ConsoleBrowserIT {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final Path JAR = Path.of(System.getProperty("compclose.jar", "target/compclose.jar"))
            .toAbsolutePath();
    private static final Path SHOTS = Path.of("target/console-screenshots");
    private static final Pattern CONSOLE_URL = Pattern.compile("Console: (http://127\\.0\\.0\\.1:\\d+)/");

    /** A rep's question, with a script that must show as text wherever it appears (an alert would fail the test). */
    private static final String QUESTION = "Was B-1017 paid at 8 %? <script>alert('x')</script>";

    @TempDir
    Path work;
    private CloseProcess serve;
    private WebDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (serve != null) {
            serve.terminate(DEADLINE);
        }
    }

    @Test
    void financePayrollAndARepEachSeeTheirPagesOfTheDemoClose() throws Exception {
        Path out = work.resolve("out");
        run(3, "close", "--period=2026-10", "--inbox=" + Path.of("jobs/samples/inbox/2026-10").toAbsolutePath(),
                "--out=" + out);
        serve = CloseProcess.start(JAR, null, null, List.of("console", "--out=" + out, "--server.port=0",
                "--compclose.console.inbox=" + Path.of("jobs/samples/inbox").toAbsolutePath() + "/{period}"),
                work.resolve("logs"), "console");
        Poll.until("the console to be up", DEADLINE, () -> CONSOLE_URL.matcher(serve.out()).find() || !serve.alive());
        Matcher url = CONSOLE_URL.matcher(serve.out());
        assertThat(url.find()).as(serve.report()).isTrue();
        String console = url.group(1);
        assertThat(serve.out()).contains("with no scheduled jobs").contains("Console users created: finance, controller, payroll, rep; their passwords are in "
                + out.resolve("console").resolve(ConsoleUsers.PASSWORDS_FILE));
        List<String> passwords = Files.readAllLines(out.resolve("console").resolve(ConsoleUsers.PASSWORDS_FILE));
        assertThat(serve.out()).doesNotContain(password(passwords, "finance"));
        // the session cookie: HttpOnly, SameSite, and Secure only where the proxy in front says TLS
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(console + "/login")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie")).hasValueSatisfying(
                        cookie -> assertThat(cookie).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(console + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding()).headers()
                .firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).contains("Secure"));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(console + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("health of the console alone").isEqualTo(200);
        browser = chromium();

        // finance: a page asked for before signing in comes after it
        browser.get(console + "/periods");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        signIn("finance", password(passwords, "finance") + "-wrong");
        assertThat(browser.findElement(By.className("error")).getText()).isEqualTo("Wrong username or password.");
        signIn("finance", password(passwords, "finance"));
        arrivedAt("/periods");
        assertThat(browser.findElement(By.cssSelector("#periods tr[data-period='2026-10']")).getText())
                .startsWith("2026-10 open stopped for review ").contains("EUR 80,783.52");

        // the review: what the gate found, and the approval, as approve --by=finance records it
        browser.findElement(By.linkText("2026-10")).click();
        arrivedAt("/periods/2026-10/review");
        assertThat(browser.findElement(By.id("exceptions")).getText()).contains("REP_NOT_ON_ROSTER R010",
                "REP_NOT_ON_ROSTER R999");
        shoot("review-waiting");
        browser.findElement(By.name("note")).sendKeys("R010 and R999 go to next month");
        browser.findElement(By.cssSelector("#approve button")).click();
        assertThat(browser.findElement(By.className("notice")).getText())
                .isEqualTo("Approved the close of 2026-10 with 2 exceptions, by finance.");
        assertThat(browser.findElement(By.id("approval")).getText()).startsWith("Approved\nBy finance on ")
                .endsWith("having seen 2 exception(s): “R010 and R999 go to next month”.");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        shoot("review-approved");

        // the close continues from the console, as the close command would, and the page follows it live
        browser.findElement(By.cssSelector("#continue button")).click();
        Poll.until("the close to end", DEADLINE, () -> browser.getCurrentUrl().endsWith("/periods/2026-10/close")
                && textNow(By.id("state")).equals("Completed."));
        assertThat(browser.findElement(By.id("said")).getText()).contains("Continuing the close of 2026-10 after review",
                "Close of 2026-10: COMPLETED");
        assertThat(browser.findElement(By.id("steps")).getText()).contains("exportPayroll completed",
                "renderStatements completed 10 10 0");
        shoot("close-completed");
        browser.findElement(By.linkText("All periods")).click();
        arrivedAt("/periods");
        String october = browser.findElement(By.cssSelector("#periods tr[data-period='2026-10']")).getText();
        assertThat(october).startsWith("2026-10 closed completed ").contains("EUR 80,783.52",
                "USD 236,820.46", "finance on ");
        shoot("periods");

        // the rejected rows, filtered by file
        browser.get(console + "/periods/2026-10/rejects");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("file"))).selectByVisibleText("reps.csv");
        browser.findElement(By.cssSelector("form.filter button")).click();
        Poll.until("the filtered rows", DEADLINE, () -> browser.getCurrentUrl().contains("file=reps.csv"));
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("3 rejected rows");
        assertThat(browser.findElement(By.id("rejects")).getText()).contains("reps.csv 5 email not an email address "
                + "jon.snowe-at-example.com");
        shoot("rejects");

        // from R001's payout down to the booking row that produced it, each figure a link to what made it
        browser.get(console + "/periods/2026-10/reps");
        browser.findElement(By.linkText("R001")).click();
        arrivedAt("/periods/2026-10/reps/R001");
        assertThat(browser.findElement(By.id("payouts")).getText()).contains("USD 58,081.95");
        browser.findElement(By.cssSelector("#payouts a.chip")).click();
        arrivedAt("#pay-1");
        assertThat(browser.findElement(By.id("pay-1")).getText()).contains("COMMISSION", "58,081.95");
        browser.findElement(By.cssSelector("#pay-1 a.chip")).click();
        arrivedAt("#earning-lines");
        assertThat(browser.findElement(By.id("earning-1")).getText()).contains("B-1017", "8 %", "USD 5,927.14");
        browser.findElement(By.cssSelector("#earning-1 a")).click();
        arrivedAt("#credit-2026-10-B-1017");
        browser.findElement(By.cssSelector("#credit-2026-10-B-1017 a")).click();
        arrivedAt("#booking-2026-10-B-1017");
        assertThat(browser.findElement(By.id("booking-2026-10-B-1017")).getText()).startsWith("bookings.csv 20 B-1017");
        shoot("drilldown-booking");

        browser.findElement(By.linkText("Payroll files")).click();
        arrivedAt("/payroll");
        assertThat(browser.findElement(By.id("payroll-files")).getText()).contains("payroll-2026-10.csv",
                "EUR 80783.52", "USD 236820.46");
        shoot("payroll-files");
        signOut();

        // a rep: their statements, and not finance's pages
        signIn("rep", password(passwords, "rep"));
        arrivedAt("/me");
        assertThat(browser.findElement(By.id("statements")).getText()).contains("2026-10 1 USD 58,081.95");
        shoot("rep-statements");

        // the statement as a page, and a question about its first line, whose text is shown as written
        browser.findElement(By.linkText("Page")).click();
        arrivedAt("/me/statements/2026-10/1/page");
        shoot("rep-statement-page");
        browser.findElement(By.cssSelector("a.ask")).click();
        arrivedAt("/me/inquiries/new?period=2026-10&version=1&line=1");
        browser.findElement(By.name("text")).sendKeys(QUESTION);
        browser.findElement(By.xpath("//button[text()='Send to finance']")).click();
        Poll.until("the inquiry's page", DEADLINE, () -> browser.getCurrentUrl().matches(".*/me/inquiries/\\d+"));
        String inquiryPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(QUESTION);
        shoot("rep-inquiry");
        browser.get(console + "/periods");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not yours to see");
        shoot("rep-forbidden");
        String inquiry = "/inquiries/" + inquiryPage.replaceAll(".*/", "");
        browser.get(console + "/me");
        signOut();

        // finance answers from the queue and proposes an adjustment; the controller, a second finance user, approves
        signIn("finance", password(passwords, "finance"));
        arrivedAt("/periods");
        browser.findElement(By.linkText("Inquiries")).click();
        arrivedAt("/inquiries");
        assertThat(browser.findElement(By.id("inquiries")).getText()).contains("R001", "2026-10", "line 1");
        browser.findElement(By.cssSelector("#inquiries a[href='" + inquiry + "']")).click();
        arrivedAt(inquiry);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(QUESTION);
        browser.findElement(By.cssSelector("#answer textarea")).sendKeys("B-1017 was paid at 8 %; its split was missed.");
        browser.findElement(By.cssSelector("#answer button")).click();
        Poll.until("the answer", DEADLINE, () -> textNow(By.tagName("main")).contains("its split was missed"));
        browser.findElement(By.cssSelector("#adjust input[name=amount]")).sendKeys("250.00");
        browser.findElement(By.cssSelector("#adjust input[name=reason]")).sendKeys("B-1017 split missed");
        browser.findElement(By.cssSelector("#adjust button")).click();
        Poll.until("the proposal", DEADLINE, () -> textNow(By.tagName("main")).contains("You proposed it"));
        shoot("inquiry-proposed");
        signOut();
        signIn("controller", password(passwords, "controller"));
        arrivedAt("/periods");
        browser.get(console + inquiry);
        browser.findElement(By.cssSelector("#approve button")).click();
        Poll.until("the approval", DEADLINE, () -> textNow(By.className("notice")).contains("INQ-"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("USD 250.00", "2026-11");
        shoot("inquiry-approved");

        // November, started from the periods page from its inbox and followed live, pays the adjustment
        browser.get(console + "/periods");
        assertThat(browser.findElement(By.cssSelector("#start-close input[name=period]")).getAttribute("value"))
                .isEqualTo("2026-11");
        browser.findElement(By.cssSelector("#start-close button")).click();
        arrivedAt("/periods/2026-11/start");
        assertThat(browser.findElement(By.id("inbox")).getText()).endsWith("jobs/samples/inbox/2026-11");
        browser.findElement(By.cssSelector("#start button")).click();
        Poll.until("the close of November to end", DEADLINE, () -> browser.getCurrentUrl().endsWith(
                "/periods/2026-11/close") && textNow(By.id("state")).equals("Completed."));
        shoot("november-completed");
        signOut();

        // and the rep's November statement names the inquiry
        signIn("rep", password(passwords, "rep"));
        arrivedAt("/me");
        assertThat(browser.findElement(By.id("statements")).getText()).contains("2026-11 1 USD 12,032.72");
        browser.get(console + "/me/statements/2026-11/1/page");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(
                "Adjustment for inquiry #" + inquiry.replaceAll(".*/", "") + " (2026-10 line 1): B-1017 split missed");
        shoot("rep-november-statement");
    }

    private void run(int expected, String... args) {
        CloseProcess command = CloseProcess.start(JAR, null, null, List.of(args), work.resolve("logs"), args[0]);
        assertThat(command.awaitExit(DEADLINE)).as(command.report()).isEqualTo(expected);
    }

    private void signIn(String username, String password) {
        browser.findElement(By.name("username")).clear();
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void signOut() {
        browser.findElement(By.cssSelector("form.signout button")).click();
        arrivedAt("/login?signed-out");
    }

    /** The element's text, or "" while the page reloads itself (the close's page does every two seconds). */
    private String textNow(By element) {
        try {
            return browser.findElement(element).getText();
        } catch (org.openqa.selenium.WebDriverException reloading) {
            // stale, missing, or "does not belong to the document": the page is being replaced; ask again
            return "";
        }
    }

    /** Waits for the page a click leads to: a click returns before the browser has followed the redirect. */
    private void arrivedAt(String path) {
        Poll.until("the browser at " + path, DEADLINE, () -> browser.getCurrentUrl().endsWith(path));
    }

    private void shoot(String page) throws Exception {
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(page + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static String password(List<String> passwords, String username) {
        return passwords.stream().filter(line -> line.startsWith(username + " ")).findFirst().orElseThrow()
                .split(" ")[1];
    }

    /** Debian's chromium through its chromedriver, headless: nothing is downloaded. */
    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
