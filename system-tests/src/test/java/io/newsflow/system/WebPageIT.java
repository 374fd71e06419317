package io.newsflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.bench.corpus.CorpusGenerator;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.localstack.ChildProcesses;
import io.newsflow.localstack.FileTrees;
import io.newsflow.localstack.FreePorts;
import io.newsflow.localstack.NewsflowSystem;
import io.newsflow.localstack.ServiceProcess;
import io.newsflow.model.NewsJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web page in a real browser (headless Chromium through chromedriver) over the whole system, started as
 * {@link EndToEndIT} starts it, with the four sample pages of the repository dropped into the inbox: search with
 * highlights and facets, an article with its names linked, an entity page with its chart and co-mentions, the
 * overview, the clear messages of an empty result and of a reversed date range, a phone-sized screen, and no error
 * in the browser's console; each page keeps its headings and its text readable ({@link #assertReadable}). A search
 * saved from the search page shows the hits of a page dropped afterwards as they come (server-sent events). Every
 * page is written as a PNG to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the saved search's page adds articles the others count: last
class WebPageIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("newsflow.repository"));
    private static final Path SAMPLES = REPOSITORY.resolve("samples");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DU = "杜小刚";
    /**
     * The visible text drawn at a contrast below 4.5:1, as "tag.class "text" ratio": each element's own text colour
     * (SVG text: its fill), faded by its and its ancestors' opacity, over the nearest background colour behind it
     * (the page is white). 4.5:1 also for large text, where WCAG asks only 3:1: the pages have no text meant fainter.
     */
    private static final String TEXT_BELOW_4_5_TO_1 = """
            const rgba = c => {
              if (!c.startsWith('rgb')) { return null; }
              const p = c.slice(c.indexOf('(') + 1, c.lastIndexOf(')')).split(/[ ,/]+/).filter(Boolean).map(Number);
              return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
            };
            const luminance = c => {
              const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
            };
            const low = [];
            for (const el of document.querySelectorAll('body *')) {
              if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) { continue; }
              const box = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              // not displayed, or only there for screen readers (.visually-hidden is 1px)
              if (box.width <= 1 || box.height <= 1 || style.visibility !== 'visible') { continue; }
              const fg = rgba(el instanceof SVGElement ? style.fill : style.color);
              if (!fg) { low.push(el.tagName + ': colour not understood: ' + style.color); continue; }
              let alpha = fg[3];
              let bg = null;
              for (let e = el; e && !bg; e = e.parentElement) {
                const s = getComputedStyle(e);
                alpha *= Number(s.opacity);
                const b = rgba(s.backgroundColor);
                if (b && b[3] > 0) { bg = b; }
              }
              bg = bg || [255, 255, 255, 1];
              const shown = [0, 1, 2].map(i => alpha * fg[i] + (1 - alpha) * bg[i]);
              const [light, dark] = [luminance(shown), luminance(bg)].sort((a, b) => b - a);
              const ratio = (light + 0.05) / (dark + 0.05);
              if (ratio < 4.5) {
                low.push(el.tagName.toLowerCase() + '.' + el.getAttribute('class') + ' "'
                    + el.textContent.trim().slice(0, 20) + '" ' + ratio.toFixed(2));
              }
            }
            return low;
            """;
    private static NewsflowSystem system;
    private static final List<Long> pids = new ArrayList<>();
    private static int articles;
    private static int articlesNamingDu;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private final WebScreenshots screenshots = new WebScreenshots(Path.of("target", "screenshots").toAbsolutePath());

    @BeforeAll
    static void startTheSystemWithTheSamples() throws Exception {
        Path home = Path.of("target", "web-home").toAbsolutePath();
        system = new NewsflowSystem(new NewsflowSystem.Options(home, REPOSITORY,
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next()));
        system.down(); // a run killed before its clean-up left processes behind
        FileTrees.deleteRecursively(home);
        system.up();
        for (ServiceProcess service : system.services()) {
            pids.add(service.runningPid().orElseThrow());
        }
        JsonNode manifest = NewsJson.mapper().readTree(SAMPLES.resolve("manifest.json").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> files = manifest.path("files").fields(); files.hasNext(); ) {
            Map.Entry<String, JsonNode> file = files.next();
            Files.copy(SAMPLES.resolve(file.getKey()),
                    system.options().inbox().resolve(file.getValue().path("issueDate").asText() + "_" + file.getKey()));
            for (JsonNode article : file.getValue().path("articles")) {
                articles++;
                if (article.path("personsInclude").toString().contains("\"" + DU + "\"")) {
                    articlesNamingDu++;
                }
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(api("/api/search?size=100").path("total").asInt()).isEqualTo(articles));
    }

    @AfterAll
    static void stopTheSystem() throws IOException {
        if (system != null) {
            system.down();
            assertThat(pids).noneMatch(ChildProcesses::isAlive);
        }
    }

    @BeforeEach
    void openTheBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeTheBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void searchFacetArticleEntityAndOverviewWorkInTheBrowser() throws Exception {
        // the page answers what the API answers (the same query code); the manifest's names are a lower bound
        int found = api("/api/search?q=" + encoded(DU)).path("total").asInt();
        int named = api("/api/search?person=" + encoded(DU)).path("total").asInt();
        assertThat(named).isGreaterThanOrEqualTo(articlesNamingDu);
        assertThat(found).isGreaterThanOrEqualTo(named);

        // search from the page's own form, as a person would
        driver.get(page("/"));
        WebElement box = driver.findElement(By.id("q"));
        assertThat(driver.findElement(By.cssSelector("label[for=q]")).getText()).isEqualTo("搜索文章");
        box.sendKeys(DU);
        box.submit();
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.getCurrentUrl()).endsWith("/?q=" + URLEncoder.encode(DU, StandardCharsets.UTF_8));
        assertThat(summary()).contains("找到 " + found + " 篇文章");
        List<WebElement> marks = driver.findElements(By.cssSelector("ol.hits em"));
        assertThat(marks).extracting(WebElement::getText).contains(DU);
        assertReadable("search");
        screenshots.take(driver, "1-search");

        // a facet value adds a filter with the count it showed; the URL holds it
        WebElement reporter = driver.findElement(By.cssSelector("a[data-facet=reporter][data-value=高美梅]"));
        int shown = Integer.parseInt(reporter.findElement(By.cssSelector(".count")).getText().replaceAll("\\D", ""));
        reporter.click();
        wait.until(ExpectedConditions.urlContains("reporter="));
        assertThat(summary()).contains("找到 " + shown + " 篇文章");
        assertThat(driver.findElements(By.cssSelector("ol.hits > li"))).hasSize(shown);
        assertThat(driver.findElement(By.cssSelector("a[data-facet=reporter][data-value=高美梅]")).getAttribute("class")).contains("selected");
        assertThat(driver.findElements(By.cssSelector(".active .chip"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("记者：高美梅"));
        assertReadable("search with a facet chosen");
        screenshots.take(driver, "2-search-facet");

        // the article: its text with the names linked, its page and the other articles of the page
        driver.findElement(By.cssSelector("ol.hits > li h3 a")).click();
        wait.until(ExpectedConditions.urlContains("/articles/"));
        assertThat(driver.findElement(By.id("headline")).getText()).isNotBlank();
        assertThat(driver.findElement(By.cssSelector(".source")).getText()).contains("文件").contains("出版日期");
        assertThat(driver.findElements(By.cssSelector(".page-articles > li"))).hasSizeGreaterThan(1);
        assertThat(driver.findElements(By.cssSelector(".page-articles a[aria-current=page]"))).hasSize(1);
        List<WebElement> people = driver.findElements(By.cssSelector(".body a.name-person"));
        assertThat(people).extracting(WebElement::getText).contains(DU);
        assertReadable("article");
        screenshots.take(driver, "3-article");

        // the person's page: mentions per day as an SVG chart, the articles, the names mentioned with him
        people.stream().filter(a -> a.getText().equals(DU)).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlContains("/entities/person/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith(DU);
        WebElement chart = driver.findElement(By.cssSelector(".timeline svg"));
        assertThat(chart.getAttribute("aria-label")).contains("共 " + named + " 篇");
        List<WebElement> points = chart.findElements(By.cssSelector("rect.point"));
        assertThat(points).isNotEmpty();
        assertThat(points.stream().mapToInt(p -> Integer.parseInt(p.getAttribute("data-count"))).sum()).isEqualTo(named);
        assertThat(driver.findElements(By.cssSelector(".entity-layout ol.hits > li"))).hasSize(Math.min(named, 20));
        List<WebElement> coMentions = driver.findElements(By.cssSelector("#co-mentions a"));
        assertThat(coMentions).isNotEmpty();
        JsonNode mostWithHim = api("/api/entities/person/" + encoded(DU).replace("+", "%20")).path("coMentions").path("persons").get(0);
        assertThat(coMentions).extracting(a -> a.getAttribute("aria-label"))
                .contains(mostWithHim.path("value").asText() + "：" + mostWithHim.path("count").asInt() + " 篇")
                .noneSatisfy(label -> assertThat(label).startsWith(DU + "："));
        assertReadable("entity");
        screenshots.take(driver, "4-entity");

        // the overview: index and pipeline at a glance
        driver.findElement(By.linkText("概览")).click();
        wait.until(ExpectedConditions.urlContains("/overview"));
        assertThat(driver.findElement(By.cssSelector(".lede")).getText()).contains("共 " + articles + " 篇文章");
        assertThat(driver.findElement(By.cssSelector(".pipeline")).getText())
                .contains("收件箱中等待的文件").contains("news.pages.dlq").contains("news.articles.dlq").contains("最后入库的文章")
                .doesNotContain("未知");
        assertThat(driver.findElements(By.cssSelector("svg.day-chart rect.point"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("svg.rank-chart a"))).hasSizeGreaterThan(3);
        assertReadable("overview");
        screenshots.take(driver, "5-overview");

        assertNoConsoleErrors();
    }

    @Test
    void anEmptyResultAndAReversedDateRangeSaySoClearly() {
        driver.get(page("/?q=" + URLEncoder.encode("没有这种文章的词语量子纠缠", StandardCharsets.UTF_8)));
        assertThat(driver.findElement(By.cssSelector(".message.empty")).getText()).contains("没有找到符合条件的文章");
        assertThat(summary()).contains("找到 0 篇文章");
        assertReadable("no results");
        screenshots.take(driver, "6-no-results");

        String reversed = page("/?q=" + encoded(DU) + "&from=2024-07-27&to=2023-12-01");
        driver.get(reversed);
        WebElement alert = driver.findElement(By.cssSelector(".message.error[role=alert]"));
        assertThat(alert.getText()).contains("开始日期 2024-07-27 晚于结束日期 2023-12-01");
        assertThat(driver.findElements(By.cssSelector("ol.hits > li"))).isEmpty();
        // the form keeps what was typed, so it can be corrected
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(DU);
        assertReadable("reversed date range");
        screenshots.take(driver, "7-bad-date-range");

        // the page answers 400 (the request is the mistake), which the browser logs as such; nothing else may fail
        assertNoConsoleErrorsBut(reversed + " - Failed to load resource: the server responded with a status of 400 (Bad Request)");
    }

    @Test
    void fitsAPhoneSizedScreenWithoutSidewaysScrolling() {
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("/?q=" + URLEncoder.encode(DU, StandardCharsets.UTF_8), "/overview")) {
            driver.get(page(path));
            Number scrollWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
            Number clientWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
            assertThat(scrollWidth.intValue()).as(path).isLessThanOrEqualTo(clientWidth.intValue());
        }
        driver.get(page("/?q=" + URLEncoder.encode(DU, StandardCharsets.UTF_8)));
        screenshots.take(driver, "8-phone-search");
        assertNoConsoleErrors();
    }

    @Test
    void suggestsNamesWhileTyping() {
        driver.get(page("/"));
        driver.findElement(By.id("q")).sendKeys("杜");
        wait.until(d -> !d.findElements(By.cssSelector("#suggestions option")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#suggestions option")))
                .extracting(o -> o.getAttribute("value")).contains(DU);
        assertNoConsoleErrors();
    }

    /**
     * A search saved from the search page's link through the form (a mistake first, said and kept in the form), listed
     * with its webhook; a page dropped afterwards brings its article to the open list as a hit without a reload (the
     * page's server-sent events), its delivery to the webhook shown as it changes; then deleted. Runs last: its page
     * adds articles the other tests count.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aSearchSavedFromTheSearchPageShowsItsNewHitsLiveAndIsDeleted() throws Exception {
        // a page nobody dropped yet; its first article with a headline of plain words is the one to watch
        GeneratedPage fresh = new CorpusGenerator(SAMPLES).generate(1, 2025).getFirst();
        int watched = 0;
        while (!fresh.articles().get(watched).title().matches("[\\p{IsHan}\\p{Alnum}]+")) {
            watched++;
        }
        String words = fresh.articles().get(watched).title();
        String articleId = fresh.articleIds().get(watched);
        String alertsPassword = system.credentials().password("alerts");

        // the browser asks for the password on the first saved-search page (401, WWW-Authenticate) and keeps it
        driver.get(page("/saved-searches").replace("://", "://alerts:" + encoded(alertsPassword) + "@"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("保存的搜索");

        driver.get(page("/?q=" + encoded(words) + "&sort=date"));
        driver.findElement(By.linkText("保存此搜索")).click();
        wait.until(ExpectedConditions.urlContains("/saved-searches/new"));
        assertThat(driver.getCurrentUrl()).endsWith("/saved-searches/new?q=" + encoded(words).replace("+", "%20"));
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(words);
        assertThat(driver.findElement(By.cssSelector("dl.criteria")).getText()).contains("词语").contains(words);
        assertThat(driver.findElement(By.id("webhook-secret")).getAttribute("value")).hasSize(48);
        assertReadable("save a search");
        screenshots.take(driver, "9-save-search");

        try (Hooks hooks = new Hooks()) {
            // a webhook URL with a password in it is refused: the form comes back with the reason and what was typed
            driver.findElement(By.id("webhook-url")).sendKeys("https://user:secret@hooks.example/newsflow");
            driver.findElement(By.cssSelector("form.saved-search-form button[type=submit]")).click();
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".message.error[role=alert]")));
            assertThat(refusal.getText()).contains("无法保存").contains("webhook.url");
            assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(words);
            assertReadable("save a search, refused");
            screenshots.take(driver, "10-save-search-refused");

            WebElement url = driver.findElement(By.id("webhook-url"));
            url.clear();
            url.sendKeys(hooks.url());
            driver.findElement(By.cssSelector("form.saved-search-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("/saved-searches?saved="));
            String id = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("saved=") + 6);
            WebElement saved = driver.findElement(By.id("saved-" + id));
            assertThat(saved.findElement(By.tagName("h2")).getText()).isEqualTo(words);
            assertThat(saved.getText()).contains(hooks.url()).contains("还没有命中");
            wait.until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
            assertReadable("saved searches");

            // the page is dropped while the list is open; the hit appears in it, and its delivery with it
            ((JavascriptExecutor) driver).executeScript("window.stillTheSamePage = true;");
            Files.write(system.options().inbox().resolve(fresh.fileName()), fresh.bytes());
            By row = By.cssSelector("#saved-" + id + " tr[data-delivery]:has(a[href='/articles/" + articleId + "'])");
            new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.textToBePresentInElementLocated(row, "已送达"));
            assertThat(((JavascriptExecutor) driver).executeScript("return window.stillTheSamePage === true")).isEqualTo(true);
            assertThat(driver.findElement(row).getText()).contains(words);
            assertThat(hooks.received()).isPositive();
            assertReadable("saved searches with a hit");
            screenshots.take(driver, "11-saved-searches-hit");

            // the same list on a phone-sized screen: no sideways scrolling
            driver.manage().window().setSize(new Dimension(390, 844));
            Number scrollWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
            Number clientWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(clientWidth.intValue());
            driver.manage().window().setSize(new Dimension(1280, 900));

            // deleted after a confirmation
            driver.findElement(By.cssSelector("#saved-" + id + " form.delete button")).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.urlContains("deleted=1"));
            assertThat(driver.findElements(By.id("saved-" + id))).isEmpty();
            assertThat(alertsApi("/api/saved-searches", alertsPassword).findValuesAsText("id")).doesNotContain(id);
        }
        // the refused form answered 400, which the browser logs as such; nothing else may fail
        assertNoConsoleErrorsBut(page("/saved-searches") + " - Failed to load resource: the server responded with a status of 400 (Bad Request)");
    }

    /**
     * The saved-search pages ask for the password the browser's way (401 with a Basic challenge), and refuse a form
     * another site posts with the credentials the browser adds by itself (403, nothing saved or deleted).
     */
    @Test
    void theSavedSearchPagesAskForAPasswordAndRefuseFormsFromOtherSites() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(page("/saved-searches"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWithIgnoringCase("basic realm="));

        String password = system.credentials().password("alerts");
        String form = "name=x&q=" + encoded(DU);
        HttpResponse<String> crossSite = HTTP.send(asAlerts("/saved-searches", password)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("其他网站");
        HttpResponse<String> crossSiteFetch = HTTP.send(asAlerts("/saved-searches", password)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSiteFetch.statusCode()).isEqualTo(403);
        assertThat(alertsApi("/api/saved-searches", password).size()).isZero();

        // the same form from the site itself is saved (303 to the list); deleting it from another site is refused
        HttpResponse<String> sameSite = HTTP.send(asAlerts("/saved-searches", password)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", page(""))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sameSite.statusCode()).as(sameSite.body()).isEqualTo(303);
        String id = alertsApi("/api/saved-searches", password).get(0).path("id").asText();
        HttpResponse<String> deleteCrossSite = HTTP.send(asAlerts("/saved-searches/" + id + "/delete", password)
                .header("Origin", "https://elsewhere.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleteCrossSite.statusCode()).isEqualTo(403);
        assertThat(alertsApi("/api/saved-searches", password).findValuesAsText("id")).containsExactly(id);
        HttpResponse<String> delete = HTTP.send(asAlerts("/saved-searches/" + id + "/delete", password)
                .header("Origin", page("")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(303);
        assertThat(alertsApi("/api/saved-searches", password).size()).isZero();
    }

    /**
     * What Lighthouse's accessibility audit found on the search page (issue 25), checked cheaply on every page: one
     * h1; every heading still a heading (a role on it, as role=status once was on the results count, is not allowed
     * and takes it out of the headings a screen reader lists); all visible text at 4.5:1 at least (the facet counts,
     * faded with opacity, were at 4.3:1).
     */
    private void assertReadable(String what) {
        assertThat(driver.findElements(By.tagName("h1"))).as(what + ": h1").hasSize(1);
        assertThat(driver.findElements(By.cssSelector("h1[role], h2[role], h3[role], h4[role], h5[role], h6[role]")))
                .as(what + ": headings with a role").extracting(h -> h.getAttribute("outerHTML")).isEmpty();
        List<?> low = (List<?>) ((JavascriptExecutor) driver).executeScript(TEXT_BELOW_4_5_TO_1);
        assertThat(low).as(what + ": text below 4.5:1 contrast").isEmpty();
    }

    private String summary() {
        return driver.findElement(By.cssSelector(".summary")).getText();
    }

    private void assertNoConsoleErrors() {
        assertNoConsoleErrorsBut(null);
    }

    private void assertNoConsoleErrorsBut(String expected) {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().equals(expected))
                .toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String page(String path) {
        return "http://127.0.0.1:" + system.options().searchPort() + path;
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return NewsJson.mapper().readTree(response.body());
    }

    private static HttpRequest.Builder asAlerts(String path, String password) {
        return HttpRequest.newBuilder(URI.create(page(path))).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("alerts:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode alertsApi(String path, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(asAlerts(path, password).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return NewsJson.mapper().readTree(response.body());
    }

    /** A webhook receiver on 127.0.0.1 that takes every delivery (204). */
    private static final class Hooks implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger received = new AtomicInteger();

        Hooks() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/newsflow", exchange -> {
                exchange.getRequestBody().readAllBytes();
                received.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/newsflow";
        }

        int received() {
            return received.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
