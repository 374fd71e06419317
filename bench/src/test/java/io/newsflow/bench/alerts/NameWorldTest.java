package io.newsflow.bench.alerts;

import io.newsflow.model.Article;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The name world: entities read from BIO text, and articles renamed from it consistently and whole. */
class NameWorldTest {
    /** 张三丰 twice, 李四 once; 北京 and 宜兴市; 宜兴市委; the single 中 and the Latin IBM are no names to draw. */
    private static final String BIO = bio("张三丰", "PER") + bio("在", null) + bio("北京", "LOC") + "\n"
            + bio("张三丰", "PER") + bio("李四", "PER") + bio("中", "LOC") + bio("宜兴市委", "ORG") + "\n"
            + bio("宜兴市", "LOC") + bio("IBM", "ORG") + "\n";

    @Test
    void readsTheEntitiesOfBioTextWithTheirCounts() throws IOException {
        NameWorld world = world();

        assertThat(world.persons().names()).containsExactlyInAnyOrder("张三丰", "李四");
        assertThat(world.places().names()).containsExactlyInAnyOrder("北京", "宜兴市");
        assertThat(world.organizations().names()).containsExactly("宜兴市委");
        // 张三丰 is named twice, 李四 once: drawn about twice as often
        Random random = new Random(1);
        int zhang = 0;
        for (int i = 0; i < 3000; i++) {
            zhang += world.persons().draw(random).equals("张三丰") ? 1 : 0;
        }
        assertThat(zhang).isBetween(1800, 2200);
    }

    @Test
    void renamesEveryMentionWholeAndListsTheNewNames() throws IOException {
        NameWorld world = new NameWorld(
                NameWorld.Pool.of(java.util.Map.of("王小明", 1L, "赵大海", 1L)),
                NameWorld.Pool.of(java.util.Map.of("苏州", 1L, "常州", 1L)),
                NameWorld.Pool.of(java.util.Map.of("市教育局", 1L, "省体育局", 1L)));
        Article article = article("杜小刚在宜兴市调研", "宜兴市委召开会议。杜小刚在宜兴市调研，杜小刚说，宜兴市发展好。",
                List.of("杜小刚"), List.of("宜兴市"), List.of("宜兴市委"), List.of("宜兴市", "发展"));

        Article renamed = world.rename(List.of(article), 7).getFirst();

        String person = renamed.persons().getFirst();
        String place = renamed.places().getFirst();
        String organization = renamed.organizations().getFirst();
        assertThat(person).isIn("王小明", "赵大海");
        assertThat(place).isIn("苏州", "常州");
        assertThat(organization).isIn("市教育局", "省体育局");
        // the organisation that holds the place's name went whole, and each name is the same throughout
        assertThat(renamed.body()).isEqualTo(organization + "召开会议。" + person + "在" + place + "调研，" + person
                + "说，" + place + "发展好。");
        assertThat(renamed.headline()).isEqualTo(person + "在" + place + "调研");
        assertThat(renamed.lead()).isEqualTo(organization + "召开会议。");
        assertThat(renamed.keywords()).containsExactly(place, "发展");
        assertThat(renamed.charCount()).isEqualTo(renamed.body().length());
        assertThat(renamed.reporters()).hasSize(1).allMatch(r -> r.equals("王小明") || r.equals("赵大海"));
        assertThat(renamed.id()).isEqualTo(article.id());
        assertThat(world.rename(List.of(article), 7)).containsExactly(renamed);
    }

    @Test
    void articlesDrawTheirNamesEachOnTheirOwn() throws IOException {
        NameWorld world = NameWorld.fromBio(new ByteArrayInputStream(bioOfManyNames().getBytes(StandardCharsets.UTF_8)));
        Article article = article("杜小刚调研", "杜小刚在宜兴市调研。", List.of("杜小刚"), List.of("宜兴市"), List.of(),
                List.of());

        List<Article> renamed = world.rename(java.util.Collections.nCopies(50, article), 3);

        Set<String> persons = new HashSet<>();
        renamed.forEach(a -> persons.addAll(a.persons()));
        assertThat(persons).hasSizeGreaterThan(10);
        assertThat(renamed).allSatisfy(a -> assertThat(a.body()).doesNotContain("杜小刚", "宜兴市"));
    }

    private static NameWorld world() throws IOException {
        return NameWorld.fromBio(new ByteArrayInputStream(BIO.getBytes(StandardCharsets.UTF_8)));
    }

    private static String bioOfManyNames() {
        StringBuilder bio = new StringBuilder();
        String surnames = "王李张刘陈杨黄赵吴周";
        String given = "明华强军平芳娟敏静丽";
        for (int i = 0; i < surnames.length(); i++) {
            for (int j = 0; j < given.length(); j++) {
                bio.append(bio("" + surnames.charAt(i) + given.charAt(j), "PER"));
            }
        }
        return bio + bio("北京", "LOC") + bio("上海", "LOC") + bio("市政府", "ORG") + "\n";
    }

    /** One entity (or, with no type, plain characters) as BIO lines. */
    private static String bio(String text, String type) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            String tag = type == null ? "O" : (i == 0 ? "B-" : "I-") + type;
            lines.append(text.charAt(i)).append('\t').append(tag).append('\n');
        }
        return lines.toString();
    }

    private static Article article(String headline, String body, List<String> persons, List<String> places,
                                   List<String> organizations, List<String> keywords) {
        String sha = "ab".repeat(32);
        return new Article(Article.idOf(sha, 1), 1, sha, "2024-01-01_p1.txt", LocalDate.of(2024, 1, 1), headline,
                List.of(), body, body.substring(0, body.indexOf('。') + 1), LocalDate.of(2023, 12, 31), List.of(),
                List.of("高美梅"), persons, places, organizations, keywords, "politics", body.length(),
                Instant.parse("2024-01-01T00:00:00Z"), "test");
    }
}
