package org.kindred.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (its own profile, a temporary directory that {@link #close()} deletes once
 * Chromium's processes ended, as does a failed start) driven through Debian's chromedriver, with the
 * few helpers the tests need. Waits are explicit and bounded.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    Browser(int width, int height) throws IOException {
        this(width, height, null);
    }

    /**
     * A browser whose languages are {@code languages} (comma-separated BCP 47 tags, the first one
     * preferred, e.g. {@code "es-ES,es"}): Chromium's UI language and its Accept-Language, so the page
     * sees them in {@code navigator.languages}; null: Chromium's defaults with {@code --lang=en-GB}.
     */
    Browser(int width, int height, String languages) throws IOException {
        Chromium.require();
        profile = org.kindred.server.testing.TempPaths.directory("kindred-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-extensions", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--lang=" + (languages == null ? "en-GB" : languages.split(",")[0]),
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (languages != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver started = null;
        try {
            started = new ChromeDriver(service, options);
            started.manage().window().setSize(new Dimension(width, height));
        } catch (RuntimeException | Error e) { // a browser that did not start leaves no profile behind
            quitAndDeleteProfile(started, profile);
            throw e;
        }
        driver = started;
    }

    Browser() throws IOException {
        this(1100, 820);
    }

    /** A desktop-sized browser with the languages {@code languages} (see above). */
    static Browser speaking(String languages) throws IOException {
        return new Browser(1100, 820, languages);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        long start = System.nanoTime();
        // A list re-rendered between finding and asking (the landing page reloads its rooms): look again.
        WebElement e = new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
        slowWait(start, css);
        return e;
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        clickCentered(find(css));
    }

    /** Scrolls {@code e} to the middle first, so that the sticky top bar cannot cover it. */
    void clickCentered(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", e);
        e.click();
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Waits until the visible text of {@code css} contains {@code text}; returns that text. */
    String waitForText(String css, String text) {
        return waitUntil(() -> {
            for (WebElement e : all(css)) {
                String t = e.getText();
                if (t.contains(text)) {
                    return t;
                }
            }
            return null;
        }, "text '" + text + "' in " + css);
    }

    <T> T waitUntil(Supplier<T> condition, String what) {
        long start = System.nanoTime();
        // Lists are re-rendered on events: an element found a moment ago may be gone; look again.
        T found = new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).withMessage("waiting for " + what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    T v = condition.get();
                    return v instanceof Boolean b && !b ? null : v;
                });
        slowWait(start, what);
        return found;
    }

    /** A wait that took more than half of {@link #WAIT} is printed to the test's output ({@code [slow wait]}). */
    private static void slowWait(long start, String what) {
        org.kindred.server.it.WsClient.slowWait(start, WAIT.toMillis(), what);
    }

    /**
     * What a keyboard user meets: the controls Tab reaches from the top of the page, in order, each
     * as {@code #id}, else its {@code aria-label}, else its text; a stop that is not rendered on screen
     * (no box, {@code display: none} or {@code visibility: hidden} on the way up) is marked
     * {@code " (not visible)"}, so a test comparing the list fails on it.
     */
    List<String> tabStops() {
        js("const s = document.createElement('span'); s.id = '__tab_start'; s.tabIndex = -1;"
                + "document.body.prepend(s); s.focus(); window.scrollTo(0, 0);");
        List<String> stops = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            if (i == 0) {
                js("document.getElementById('__tab_start').remove()");
            }
            Object stop = js("const e = document.activeElement;"
                    + "if (!e || e === document.body || e.id === '__tab_start') return null;"
                    + "const r = e.getBoundingClientRect();"
                    + "const seen = r.width > 0 && r.height > 0 && e.checkVisibility({visibilityProperty: true});"
                    + "const name = e.id ? '#' + e.id : (e.getAttribute('aria-label') || e.textContent.trim()"
                    + "  .replace(/\\s+/g, ' ').slice(0, 60));"
                    + "return name + (seen ? '' : ' (not visible)');");
            if (stop == null || (!stops.isEmpty() && stop.equals(stops.get(0)))) {
                break;
            }
            stops.add((String) stop);
        }
        return stops;
    }

    /** Whether the element of {@code css} is rendered (false when absent). */
    boolean displayed(String css) {
        List<WebElement> found = all(css);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a PNG of the viewport. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        quitAndDeleteProfile(driver, profile);
    }

    /** How long {@link #close} waits for Chromium's processes to end before it deletes the profile anyway. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

    /**
     * Quits {@code driver} (null: none started), waits (at most {@link #EXIT_WAIT}) until the Chromium
     * processes of {@code profile} ended, which write into it until then, and deletes the profile.
     */
    private static void quitAndDeleteProfile(ChromeDriver driver, Path profile) {
        List<ProcessHandle> chromium = processesOf(profile);
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
            for (ProcessHandle p : chromium) {
                long left = deadline - System.nanoTime();
                try {
                    p.onExit().get(Math.max(left, 0), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    p.destroyForcibly();
                } catch (java.util.concurrent.ExecutionException e) {
                    // gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            org.kindred.server.testing.TempPaths.delete(profile);
        }
    }

    /** The Chromium processes this JVM started with {@code profile} as their user data directory, and theirs. */
    private static List<ProcessHandle> processesOf(Path profile) {
        String flag = "--user-data-dir=" + profile;
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(flag + " ") || c.endsWith(flag)).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .distinct().toList();
    }
}
