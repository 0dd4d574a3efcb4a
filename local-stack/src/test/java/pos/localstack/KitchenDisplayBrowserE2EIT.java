package pos.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static pos.localstack.SharedStack.admin;
import static pos.localstack.SharedStack.newProduct;
import static pos.localstack.SharedStack.newStore;
import static pos.localstack.SharedStack.order;
import static pos.localstack.SharedStack.stock;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kitchen display page in headless Chromium (the OS packages {@code chromium} and {@code chromium-driver};
 * or a Chrome and chromedriver on the PATH; skipped where there is none; other paths with -Dpos.test.chromium and
 * -Dpos.test.chromedriver):
 * a manager signs in on one screen and pairs a second, an order placed through the API appears on both, one tap
 * at a time moves it to ready on the first and the second follows, and a screen whose network drops shows it is
 * offline, then catches up with what it missed.
 */
class KitchenDisplayBrowserE2EIT {

    static final String CHROMIUM =
            System.getProperty("pos.test.chromium", firstOnPath("chromium", "chromium-browser", "google-chrome"));
    static final String CHROMEDRIVER = System.getProperty("pos.test.chromedriver", firstOnPath("chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final List<ChromeDriver> browsers = new ArrayList<>();
    final String store = newStore();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void ticketsAppearMoveWithOneTapFollowOnASecondScreenAndCatchUpAfterANetworkDrop() {
        assumeTrue(
                new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "no Chromium with chromium-driver installed");
        var product = newProduct("6.50");
        stock(store, product, "10");
        var manager = SharedStack.account("manager", store);
        var username = manager.get("/users/me").json().get("username").asString();

        var first = browser();
        signIn(first, username, false);
        var second = browser();
        signIn(second, username, true);
        assertThat(admin().get("/stores/" + store + "/displays").json().size())
                .as("the second screen is paired")
                .isEqualTo(1);

        var id = admin().post("/orders/", order(store, product, "2"))
                .json()
                .get("order")
                .get("id")
                .asString();
        assertThat(ticket(first, id, "created").getText()).contains("2 \u00d7 ");
        ticket(second, id, "created");

        for (var next : List.of("confirmed", "preparing", "ready")) {
            ticket(first, id, null).findElement(By.cssSelector("button.bump")).click();
            ticket(first, id, next);
        }
        ticket(second, id, "ready");
        assertThat(admin().get("/orders/" + id).json().get("status").asString()).isEqualTo("ready");

        // the second screen's network drops: it says so, misses two changes, and catches up when it is back
        second.executeCdpCommand("Network.enable", Map.of());
        second.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        wait(second)
                .until(d ->
                        d.findElement(By.id("connection")).getAttribute("class").contains("offline"));
        assertThat(admin().patch("/orders/" + id + "/status", Map.of("status", "completed"))
                        .status())
                .isEqualTo(200);
        var later = admin().post("/orders/", order(store, product, "1"))
                .json()
                .get("order")
                .get("id")
                .asString();
        ticket(first, later, "created");
        assertThat(second.findElements(By.cssSelector("[data-order-id='" + later + "']")))
                .isEmpty();

        second.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        ticket(second, later, "created");
        wait(second)
                .until(d -> d.findElements(By.cssSelector("[data-order-id='" + id + "']"))
                        .isEmpty());
        wait(second)
                .until(d ->
                        d.findElement(By.id("connection")).getAttribute("class").equals("online"));
    }

    /** The first of these programs found on the PATH (Debian's packages put them in /usr/bin). */
    private static String firstOnPath(String... names) {
        var path = System.getenv().getOrDefault("PATH", "/usr/bin");
        for (var name : names) {
            for (var dir : path.split(File.pathSeparator)) {
                var candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        return "/usr/bin/" + names[0];
    }

    private ChromeDriver browser() {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1024,768");
        var driver = new ChromeDriver(service, options);
        browsers.add(driver);
        driver.get(SharedStack.stack().apiUrl() + "/stores/" + store + "/kitchen");
        return driver;
    }

    private void signIn(ChromeDriver browser, String username, boolean pair) {
        wait(browser).until(d -> d.findElement(By.id("login")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("secret-" + username);
        if (pair) {
            browser.findElement(By.id("pair")).click();
        }
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        wait(browser)
                .until(d -> "Live".equals(d.findElement(By.id("connection")).getText()));
    }

    /** The order's ticket, once it shows (in the column of {@code status}, when given). */
    private WebElement ticket(WebDriver browser, String orderId, String status) {
        var selector = status == null
                ? "li.ticket[data-order-id='" + orderId + "']"
                : ".column[data-status='" + status + "'] li.ticket[data-order-id='" + orderId + "']";
        return wait(browser).until(d -> {
            var found = d.findElements(By.cssSelector(selector));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, PATIENCE);
    }
}
