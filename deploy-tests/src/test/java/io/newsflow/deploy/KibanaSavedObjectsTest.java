package io.newsflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kibana saved objects against the index mapping and against each other, so a mapping change or a renamed
 * object cannot silently break the dashboard. The format is Kibana's export format (legacy aggregation-based
 * visualisations, readable field by field); each object states the migration version its format belongs to,
 * and Kibana 9 migrates older formats on import.
 */
class KibanaSavedObjectsTest {
    private static final String DATA_VIEW = "newsflow-news-articles";
    /** Attributes a dashboard may have: Kibana's dashboard schema refuses unknown ones. */
    private static final Set<String> DASHBOARD_ATTRIBUTES = Set.of("title", "description", "kibanaSavedObjectMeta", "timeRestore",
            "timeFrom", "timeTo", "refreshInterval", "controlGroupInput", "panelsJSON", "optionsJSON", "hits", "version");
    private static final Map<String, Set<String>> BUCKET_SCHEMAS = Map.of("histogram", Set.of("segment"),
            "horizontal_bar", Set.of("segment"), "pie", Set.of("segment"), "table", Set.of("bucket"), "tagcloud", Set.of("segment"));
    private static final int GRID_COLUMNS = 48;

    private final List<JsonNode> objects = SavedObjects.load();
    private final IndexMapping mapping = IndexMapping.load();

    @Test
    void everyLineIsASavedObjectWithAUniqueId() {
        assertThat(objects).isNotEmpty().allSatisfy(o -> {
            assertThat(o.path("id").asText()).as("id").isNotBlank();
            assertThat(o.path("type").asText()).as("type of %s", o.path("id")).isIn("index-pattern", "visualization", "search", "dashboard");
            assertThat(o.path("attributes").path("title").asText()).as("title of %s", o.path("id")).isNotBlank();
            assertThat(o.path("references").isArray()).as("references of %s", o.path("id")).isTrue();
            assertThat(o.path("coreMigrationVersion").asText()).as("coreMigrationVersion of %s", o.path("id")).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(o.path("typeMigrationVersion").asText()).as("typeMigrationVersion of %s", o.path("id")).matches("\\d+\\.\\d+\\.\\d+");
        });
        assertThat(objects.stream().map(o -> o.path("type").asText() + ":" + o.path("id").asText())).doesNotHaveDuplicates();
    }

    @Test
    void everyReferenceResolvesToAnObjectOfTheFile() {
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(SavedObjects.find(objects, reference.path("type").asText(), reference.path("id").asText()))
                        .as("%s references %s", object.path("id").asText(), reference).isPresent();
            }
            assertThat(object.path("references").findValuesAsText("name")).as("reference names of %s", object.path("id"))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void dataViewCoversTheSearchServiceAliasWithEventDateAsTimeField() {
        JsonNode dataView = SavedObjects.find(objects, "index-pattern", DATA_VIEW).orElseThrow();
        String alias = QuarkusConfig.applicationProperties("search-service").getProperty("newsflow.search.alias");
        assertThat(dataView.path("attributes").path("title").asText()).isEqualTo(alias).isEqualTo("news-articles");
        String timeField = dataView.path("attributes").path("timeFieldName").asText();
        assertThat(timeField).isEqualTo("eventDate");
        assertThat(mapping.type(timeField)).contains("date");
        assertThat(SavedObjects.ofType(objects, "index-pattern")).hasSize(1);
    }

    @Test
    void visualisationsAggregateOnlyOnAggregatableFieldsOfTheMapping() {
        for (JsonNode vis : SavedObjects.ofType(objects, "visualization")) {
            for (JsonNode agg : visState(vis).path("aggs")) {
                JsonNode field = agg.path("params").path("field");
                if (field.isMissingNode()) {
                    continue;
                }
                assertThat(mapping.fields()).as("%s: field of %s", title(vis), agg.path("type")).contains(field.asText());
                assertThat(mapping.isAggregatable(field.asText())).as("%s: %s (%s) is aggregatable", title(vis), field.asText(),
                        mapping.type(field.asText()).orElse("?")).isTrue();
                if ("date_histogram".equals(agg.path("type").asText())) {
                    assertThat(mapping.type(field.asText())).as("%s: date histogram field", title(vis)).contains("date");
                }
            }
        }
    }

    @Test
    void visualisationsAreWellFormed() {
        for (JsonNode vis : SavedObjects.ofType(objects, "visualization")) {
            JsonNode state = visState(vis);
            String type = state.path("type").asText();
            assertThat(BUCKET_SCHEMAS).as("%s: supported type", title(vis)).containsKey(type);
            assertThat(state.path("title").asText()).as("visState title").isEqualTo(title(vis));
            List<JsonNode> aggs = new ArrayList<>();
            state.path("aggs").forEach(aggs::add);
            assertThat(aggs.stream().map(a -> a.path("id").asText())).as("%s: agg ids", title(vis)).doesNotHaveDuplicates();
            assertThat(aggs).as("%s: one count metric", title(vis))
                    .filteredOn(a -> "metric".equals(a.path("schema").asText())).singleElement()
                    .satisfies(a -> assertThat(a.path("type").asText()).isEqualTo("count"));
            assertThat(aggs).as("%s: buckets", title(vis)).filteredOn(a -> !"metric".equals(a.path("schema").asText()))
                    .isNotEmpty().allSatisfy(a -> assertThat(a.path("schema").asText()).isIn(BUCKET_SCHEMAS.get(type)));
            // bar charts draw the series of a metric aggregation by its id
            for (JsonNode series : state.path("params").path("seriesParams")) {
                assertThat(aggs.stream().map(a -> a.path("id").asText())).contains(series.path("data").path("id").asText());
            }
            assertThat(SavedObjects.parse(vis.path("attributes").path("uiStateJSON").asText(), "uiStateJSON")).isNotNull();
            assertSearchesTheDataView(vis);
        }
    }

    @Test
    void savedSearchShowsAndSortsByMappedFields() {
        JsonNode search = SavedObjects.find(objects, "search", "newsflow-latest-articles").orElseThrow();
        assertThat(search.path("attributes").path("columns")).isNotEmpty()
                .allSatisfy(c -> assertThat(mapping.fields()).as("column").contains(c.asText()));
        assertThat(search.path("attributes").path("sort")).isNotEmpty().allSatisfy(sort -> {
            assertThat(mapping.isAggregatable(sort.get(0).asText())).as("sort field %s is sortable", sort.get(0)).isTrue();
            assertThat(sort.get(1).asText()).isIn("asc", "desc");
        });
        assertSearchesTheDataView(search);
    }

    @Test
    void dashboardShowsEveryVisualisationAndTheSavedSearch() {
        JsonNode dashboard = SavedObjects.find(objects, "dashboard", "newsflow-overview").orElseThrow();
        JsonNode attributes = dashboard.path("attributes");
        assertThat(attributes.path("title").asText()).isEqualTo("newsflow overview");
        assertThat(new TreeSet<>(fieldNames(attributes))).isSubsetOf(DASHBOARD_ATTRIBUTES);

        JsonNode panels = SavedObjects.parse(attributes.path("panelsJSON").asText(), "panelsJSON");
        Set<String> shown = new HashSet<>();
        Set<String> panelIndexes = new HashSet<>();
        for (JsonNode panel : panels) {
            String refName = panel.path("panelRefName").asText();
            assertThat(refName).as("panelRefName").matches("panel_\\d+");
            JsonNode reference = SavedObjects.reference(dashboard, refName).orElseThrow(() -> new AssertionError("no reference " + refName));
            assertThat(panel.path("type").asText()).as("type of %s", refName).isEqualTo(reference.path("type").asText());
            assertThat(panel.path("gridData").path("i").asText()).as("grid id of %s", refName).isEqualTo(panel.path("panelIndex").asText());
            assertThat(panelIndexes.add(panel.path("panelIndex").asText())).as("panelIndex of %s is unique", refName).isTrue();
            shown.add(reference.path("type").asText() + ":" + reference.path("id").asText());
        }
        Set<String> expected = new HashSet<>();
        objects.stream().filter(o -> Set.of("visualization", "search").contains(o.path("type").asText()))
                .forEach(o -> expected.add(o.path("type").asText() + ":" + o.path("id").asText()));
        assertThat(shown).isEqualTo(expected);
        assertThat(dashboard.path("references")).hasSize(panels.size());
    }

    @Test
    void dashboardPanelsFitTheGridWithoutOverlapping() {
        JsonNode dashboard = SavedObjects.find(objects, "dashboard", "newsflow-overview").orElseThrow();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode panel : SavedObjects.parse(dashboard.path("attributes").path("panelsJSON").asText(), "panelsJSON")) {
            JsonNode g = panel.path("gridData");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertThat(box[0]).isNotNegative();
            assertThat(box[2]).isPositive();
            assertThat(box[3]).isPositive();
            assertThat(box[0] + box[2]).as("panel %s inside %d columns", panel.path("panelIndex"), GRID_COLUMNS).isLessThanOrEqualTo(GRID_COLUMNS);
            for (int[] other : boxes) {
                boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
                        && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
                assertThat(overlap).as("panel %s overlaps another", panel.path("panelIndex")).isFalse();
            }
            boxes.add(box);
        }
    }

    @Test
    void dashboardAnswersWhenWhoWhereWhichOrganisationByWhomAndAbout() {
        Map<String, String> fieldsShown = new TreeMap<>();
        for (JsonNode vis : SavedObjects.ofType(objects, "visualization")) {
            for (JsonNode agg : visState(vis).path("aggs")) {
                if (agg.path("params").has("field")) {
                    fieldsShown.put(agg.path("params").path("field").asText(), visState(vis).path("type").asText());
                }
            }
        }
        assertThat(fieldsShown).containsEntry("eventDate", "histogram").containsEntry("category", "pie")
                .containsEntry("keywords", "tagcloud").containsEntry("reporters", "table")
                .containsKeys("persons", "places", "organizations");
    }

    @Test
    void kibanaSetupImportsThisFileAndMakesItsDataViewTheDefault() {
        String script = Repo.read("kibana/import-saved-objects.sh");
        assertThat(script).contains("/kibana/newsflow.ndjson", "DATA_VIEW_ID=" + DATA_VIEW, "_import?overwrite=true");
        assertThat(Compose.load().volumes("kibana-setup")).contains(new Compose.Mount("./kibana", "/kibana", false));
    }

    private void assertSearchesTheDataView(JsonNode object) {
        JsonNode source = SavedObjects.parse(object.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText(),
                title(object) + " searchSourceJSON");
        String refName = source.path("indexRefName").asText();
        assertThat(SavedObjects.reference(object, refName)).as("%s: reference %s", title(object), refName).hasValueSatisfying(r -> {
            assertThat(r.path("type").asText()).isEqualTo("index-pattern");
            assertThat(r.path("id").asText()).isEqualTo(DATA_VIEW);
        });
    }

    private static JsonNode visState(JsonNode vis) {
        return SavedObjects.parse(vis.path("attributes").path("visState").asText(), title(vis) + " visState");
    }

    private static String title(JsonNode object) {
        return object.path("attributes").path("title").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
