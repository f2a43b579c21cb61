package org.tongban.office.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which bin/test installs) with a
 * fresh profile, at a given window size, on the application under test. Screenshots go to
 * {@code office-web/target/screenshots}; with {@code -Dtongban.screenshots.docs=true} they are also copied to
 * {@code docs/screenshots} (the README's pictures).
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1366, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

    private final WebDriver driver;
    private final Path profile;
    private final String base;
    private final WebDriverWait wait;

    public Browser(int port, Dimension size) {
        try {
            profile = Files.createTempDirectory("tongban-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // the window's size includes the browser's own frame: grow it until the page's viewport is the size asked
        driver.manage().window().setSize(size);
        @SuppressWarnings("unchecked")
        List<Long> inner = (List<Long>) ((JavascriptExecutor) driver).executeScript(
                "return [window.innerWidth, window.innerHeight]");
        driver.manage().window().setSize(new Dimension(2 * size.getWidth() - inner.get(0).intValue(),
                2 * size.getHeight() - inner.get(1).intValue()));
        base = "http://127.0.0.1:" + port;
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /** Logs in through the login page and waits for the workbench. */
    public void logIn(String username, String password) {
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.urlContains("/workbench"));
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * Scrolls the element to the middle of the page, waits until it stops moving (folding panels animate) and
     * clicks it; a click that lands on something else (a fixed bar) fails with a screenshot.
     */
    public void click(By by) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
        settle(element);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        } catch (WebDriverException e) {
            screenshot("failed-click");
            throw e;
        }
    }

    private void settle(WebElement element) {
        String previous = null;
        for (int i = 0; i < 40; i++) {
            script("arguments[0].scrollIntoView({block: 'center'})", element);
            String now = String.valueOf(script("const r = arguments[0].getBoundingClientRect(); "
                    + "return r.top + ',' + r.left + ',' + r.height + ',' + window.scrollY", element));
            if (now.equals(previous)) {
                return;
            }
            previous = now;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void type(By by, String text) {
        WebElement element = find(by);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits for visible text somewhere on the page. */
    public WebElement text(String text) {
        return find(By.xpath("//*[not(self::script)][contains(normalize-space(.), " + literal(text)
                + ") and not(.//*[contains(normalize-space(.), " + literal(text) + ")])]"));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a screenshot of the whole window under target/screenshots (and docs/screenshots when asked). */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(MODULE.resolve("target/screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
                    StandardCopyOption.REPLACE_EXISTING);
            if (Boolean.getBoolean("tongban.screenshots.docs")) {
                Path docs = Files.createDirectories(MODULE.resolveSibling("docs").resolve("screenshots"));
                Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scrolls the element into the middle of the page and saves a screenshot (see {@link #screenshot(String)}). */
    public Path screenshot(String name, By scrollTo) {
        settle(find(scrollTo));
        return screenshot(name);
    }

    /** Messages the page logged to the console at SEVERE level (errors, Content-Security-Policy violations). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    public Map<String, Object> sessionStorage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> items = (Map<String, Object>) script(
                "return Object.fromEntries(Object.entries(sessionStorage))");
        return items;
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }
}
