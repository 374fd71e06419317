package io.newsflow.bench.corpus;

import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Article;
import io.newsflow.model.IssueDateSource;
import io.newsflow.model.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page splitter against pages whose articles are known: generated pages in every layout the corpus generator
 * makes (headline placement, column width 10–40 or long lines, column breaks in mid-sentence, kickers and
 * subtitles, bylines in every bracket and broken across lines, labels, commentaries), split by the whole
 * pipeline, each article compared field by field with what the generator put on the page.
 */
class PageSplittingPropertyTest {
    private static final Path SAMPLES = Path.of(System.getProperty("newsflow.samples", "../samples"));
    /** Fixed seeds; {@code -Dnewsflow.split.seeds=1,2,3} tries others. */
    private static final long[] SEEDS = Arrays.stream(System.getProperty("newsflow.split.seeds", "7,1234567,20240727")
            .split(",")).mapToLong(seed -> Long.parseLong(seed.strip())).toArray();
    private static final int PAGES_PER_SEED = 200;
    /** Wrong articles printed per field, to see what went wrong. */
    private static final int EXAMPLES = Integer.getInteger("newsflow.split.examples", 5);

    enum Field { BODY, HEADLINE, REPORTERS, EVENT_DATE }

    /** Layout features the pages must cover, each with the pages that have it. */
    private static final Map<String, Predicate<CorpusGenerator.Shape>> LAYOUTS = layouts();

    private static Map<String, Predicate<CorpusGenerator.Shape>> layouts() {
        Map<String, Predicate<CorpusGenerator.Shape>> layouts = new TreeMap<>();
        for (PageLayout.Placement placement : PageLayout.Placement.values()) {
            layouts.put("headlines " + placement, shape -> shape.placement() == placement);
        }
        layouts.put("width 10-19", shape -> shape.width() >= 10 && shape.width() < 20);
        layouts.put("width 20-29", shape -> shape.width() >= 20 && shape.width() < 30);
        layouts.put("width 30-40", shape -> shape.width() >= 30);
        layouts.put("long lines", CorpusGenerator.Shape::longLines);
        layouts.put("column break mid-sentence", CorpusGenerator.Shape::midSentenceBreak);
        layouts.put("kicker", CorpusGenerator.Shape::kickers);
        layouts.put("subtitle", CorpusGenerator.Shape::subtitles);
        layouts.put("byline broken across lines", CorpusGenerator.Shape::brokenByline);
        layouts.put("label", CorpusGenerator.Shape::label);
        layouts.put("commentary", CorpusGenerator.Shape::commentary);
        return layouts;
    }

    private static CorpusGenerator generator;
    private static EnrichmentPipeline pipeline;

    @BeforeAll
    static void load() throws IOException {
        generator = new CorpusGenerator(SAMPLES);
        pipeline = EnrichmentPipeline.load("property-test", NamesDictionary.empty());
    }

    @Test
    void everyArticleOfEveryLayoutComesOutAsItWasPutOnThePage() {
        List<CorpusGenerator.Generated> pages = new ArrayList<>();
        for (long seed : SEEDS) {
            pages.addAll(generator.generateWithShapes(PAGES_PER_SEED, seed));
        }
        Map<String, Integer> pagesPerLayout = new TreeMap<>();
        LAYOUTS.forEach((name, has) -> pagesPerLayout.put(name,
                (int) pages.stream().filter(page -> has.test(page.shape())).count()));
        assertThat(pagesPerLayout).as("pages per layout").allSatisfy((name, count) ->
                assertThat(count).as(name).isGreaterThanOrEqualTo(20));

        Map<Field, Integer> right = new EnumMap<>(Field.class);
        Map<Field, List<String>> wrong = new EnumMap<>(Field.class);
        Map<String, Integer> wrongByLayout = new TreeMap<>();
        int articles = 0;
        for (CorpusGenerator.Generated generated : pages) {
            GeneratedPage page = generated.page();
            List<Article> split = pipeline.enrich(new Page(page.sha256(), page.fileName(), page.issueDate(),
                    IssueDateSource.FILENAME, "UTF-8", page.text(), page.bytes().length, Instant.EPOCH));
            for (int i = 0; i < page.articleCount(); i++) {
                articles++;
                GeneratedPage.Expected want = page.articles().get(i);
                Article got = i < split.size() && split.size() == page.articleCount() ? split.get(i) : null;
                Map<Field, Boolean> correct = new EnumMap<>(Field.class);
                // paragraph breaks are not compared: where a paragraph ends on a full line without a blank line
                // after it, the page does not show the break
                correct.put(Field.BODY, got != null && got.body().replace("\n", "").equals(want.body().replace("\n", "")));
                correct.put(Field.HEADLINE, got != null && got.headline().equals(want.title())
                        && got.subheadlines().equals(want.subheadlines()));
                correct.put(Field.REPORTERS, got != null && got.reporters().equals(want.reporters()));
                correct.put(Field.EVENT_DATE, got != null && Objects.equals(got.eventDate(), want.eventDate()));
                for (Map.Entry<Field, Boolean> check : correct.entrySet()) {
                    Field field = check.getKey();
                    if (check.getValue()) {
                        right.merge(field, 1, Integer::sum);
                        continue;
                    }
                    wrong.computeIfAbsent(field, f -> new ArrayList<>()).add(page.fileName() + "#" + (i + 1) + " "
                            + generated.shape() + ": " + (got == null ? "no such article (" + split.size() + " split)"
                            : field == Field.BODY ? difference(want.body(), got.body())
                            : "want " + describe(field, want) + " got " + describe(field, got)));
                    LAYOUTS.forEach((name, has) -> {
                        if (has.test(generated.shape())) {
                            wrongByLayout.merge(field + " / " + name, 1, Integer::sum);
                        }
                    });
                }
            }
        }
        Map<Field, Double> share = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            share.put(field, right.getOrDefault(field, 0) / (double) articles);
        }
        System.out.printf("page splitting over %d pages, %d articles; share exactly right: %s%n",
                pages.size(), articles, formatted(share));
        System.out.printf("pages per layout: %s%nwrong fields by layout: %s%n", pagesPerLayout, wrongByLayout);
        wrong.forEach((field, examples) -> examples.stream().limit(EXAMPLES)
                .forEach(example -> System.out.printf("  %s wrong: %s%n", field, example)));

        assertThat(pages).hasSizeGreaterThanOrEqualTo(500);
        assertThat(share.get(Field.BODY)).as("bodies exactly right").isEqualTo(1.0);
        assertThat(share.get(Field.HEADLINE)).as("headlines exactly right").isGreaterThanOrEqualTo(0.99);
        assertThat(share.get(Field.REPORTERS)).as("reporters exactly right").isGreaterThanOrEqualTo(0.99);
        assertThat(share.get(Field.EVENT_DATE)).as("event dates exactly right").isGreaterThanOrEqualTo(0.99);
    }

    /** Where two bodies part (line breaks ignored), with some text around. */
    private static String difference(String want, String got) {
        String a = want.replace("\n", "");
        String b = got.replace("\n", "");
        int at = 0;
        while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 15);
        return "bodies differ at %d: want …%s… got …%s…".formatted(at, a.substring(from, Math.min(a.length(), at + 30)),
                b.substring(from, Math.min(b.length(), at + 30)));
    }

    private static String describe(Field field, GeneratedPage.Expected want) {
        return switch (field) {
            case BODY -> want.body();
            case HEADLINE -> want.title() + " " + want.subheadlines();
            case REPORTERS -> want.reporters().toString();
            case EVENT_DATE -> String.valueOf(want.eventDate());
        };
    }

    private static String describe(Field field, Article got) {
        return switch (field) {
            case BODY -> got.body();
            case HEADLINE -> got.headline() + " " + got.subheadlines();
            case REPORTERS -> got.reporters().toString();
            case EVENT_DATE -> String.valueOf(got.eventDate());
        };
    }

    private static String formatted(Map<Field, Double> share) {
        StringBuilder text = new StringBuilder();
        share.forEach((field, value) -> text.append(text.isEmpty() ? "" : ", ")
                .append(field.name().toLowerCase()).append(' ').append("%.2f %%".formatted(100 * value)));
        return text.toString();
    }
}
