package io.newsflow.search.web;

import io.newsflow.search.alert.AlertHit;
import io.newsflow.search.alert.SavedSearch;
import io.newsflow.search.alert.SavedSearchRequest;
import io.quarkus.qute.TemplateData;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the saved-search pages show, prepared in Java: the form that saves a search, the list with the latest hits. */
public final class SavedSearchViews {
    private static final DateTimeFormatter MATCHED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** A receiver's answer is shown up to this long: enough to say why, not a whole error page. */
    private static final int ANSWER_SHOWN = 200;

    private SavedSearchViews() {
    }

    /** One criterion as the page names it, e.g. 人物：杜小刚. */
    public record Criterion(String label, String value) {
    }

    /** A criterion as the form carries it to the POST: under {@code /api/search}'s parameter name. */
    public record Field(String name, String value) {
    }

    /**
     * The form that saves a search, as first shown or as sent back with what was wrong.
     *
     * @param search        the criteria (from the search page's link, or as posted)
     * @param name          the name, prefilled from the criteria
     * @param webhookSecret prefilled with a fresh random secret, so that its owner can copy it before saving
     * @param error         why it was not saved, or {@code null}
     */
    public record FormView(SearchForm search, List<Criterion> criteria, List<Field> fields, String name, String webhookUrl,
                           String webhookSecret, String error) {
        public static FormView of(SearchForm search, String name, String webhookUrl, String webhookSecret, String error) {
            List<Field> fields = new ArrayList<>();
            search.criteria().forEach((parameter, values) -> values.forEach(v -> fields.add(new Field(parameter, v))));
            return new FormView(search, SavedSearchViews.criteria(search.criteria()), fields, name, webhookUrl, webhookSecret, error);
        }

        public int maxNameLength() {
            return SavedSearchRequest.MAX_NAME_LENGTH;
        }
    }

    /**
     * One hit in the list, also sent as JSON to the open page when it is matched or its delivery changes.
     *
     * @param matchedAt     ISO instant, for {@code <time datetime>}
     * @param matchedAtText the same in the service's time zone, as the page shows it
     * @param state         the delivery state in lower case, for the row's class
     * @param stateText     the delivery state in words
     * @param answer        why the last attempt failed (the receiver's answer or the error), or {@code null}
     */
    @TemplateData
    public record HitRow(String savedSearchId, String deliveryId, String articleUrl, String headline, String matchedAt,
                         String matchedAtText, String state, String stateText, String answer) {
        public static HitRow of(AlertHit hit, ZoneId zone) {
            String answer = failedAttempt(hit) && hit.lastAnswer() != null && !hit.lastAnswer().isBlank()
                    ? shortened(hit.lastAnswer().strip()) : null;
            Instant at = hit.matchedAt();
            return new HitRow(hit.savedSearchId(), hit.deliveryId(), Views.articleUrl(hit.articleId()),
                    hit.headline() == null || hit.headline().isBlank() ? "（无标题）" : hit.headline(),
                    at == null ? "" : at.toString(), at == null ? "" : MATCHED_AT.format(at.atZone(zone)),
                    hit.state() == null ? "unknown" : hit.state().name().toLowerCase(Locale.ROOT), SavedSearchViews.stateText(hit), answer);
        }
    }

    /** A saved search with its latest hits, newest first. */
    public record SavedSearchView(String id, String name, List<Criterion> criteria, String searchUrl, String feedUrl,
                                  String webhookUrl, List<HitRow> hits) {
        public static SavedSearchView of(SavedSearch search, List<AlertHit> latest, ZoneId zone) {
            Map<String, List<String>> params = search.params();
            SearchForm form = new SearchForm(first(params, "q"), params, first(params, "from"), first(params, "to"), null, null, null);
            return new SavedSearchView(search.id(), search.name(), SavedSearchViews.criteria(form.criteria()), form.url(),
                    "/api/saved-searches/" + encode(search.id()) + "/feed.atom?token=" + encode(search.feedToken()),
                    search.webhook() == null ? null : search.webhook().url(),
                    latest.stream().map(hit -> HitRow.of(hit, zone)).toList());
        }

        public String deleteUrl() {
            return "/saved-searches/" + encode(id) + "/delete";
        }
    }

    /**
     * @param notice      what the last action did (saved, deleted), or {@code null}
     * @param savedId     the search just saved, marked in the list, or {@code null}
     * @param latestHits  how many hits a search shows; the page keeps that many when new ones arrive
     */
    public record ListView(List<SavedSearchView> searches, String notice, String savedId, int latestHits) {
    }

    /** The criteria in the page's words, in the order of the search page's URL. */
    static List<Criterion> criteria(Map<String, List<String>> criteria) {
        List<Criterion> shown = new ArrayList<>();
        criteria.forEach((parameter, values) -> values.forEach(value -> shown.add(new Criterion(label(parameter),
                "category".equals(parameter) ? Labels.category(value) : value))));
        return shown;
    }

    private static String label(String parameter) {
        return switch (parameter) {
            case "q" -> "词语";
            case "from" -> "开始日期";
            case "to" -> "结束日期";
            default -> Labels.filter(parameter);
        };
    }

    /**
     * The name a new saved search is offered: its words, else its first filter (人物：杜小刚), else its dates; cut to the
     * longest name allowed.
     */
    static String suggestedName(SearchForm search) {
        String name;
        if (!search.q().isEmpty()) {
            name = search.q();
        } else if (!search.hiddenFilters().isEmpty()) {
            SearchForm.Value first = search.hiddenFilters().getFirst();
            Criterion shown = criteria(Map.of(first.parameter(), List.of(first.value()))).getFirst();
            name = shown.label() + "：" + shown.value();
        } else if (!search.from().isEmpty() || !search.to().isEmpty()) {
            name = "事件日期 " + (search.from().isEmpty() ? "…" : search.from()) + " 至 " + (search.to().isEmpty() ? "…" : search.to());
        } else {
            return "";
        }
        return name.length() <= SavedSearchRequest.MAX_NAME_LENGTH ? name : name.substring(0, SavedSearchRequest.MAX_NAME_LENGTH);
    }

    /** Where a hit's delivery stands, in words. */
    static String stateText(AlertHit hit) {
        if (hit.state() == null) {
            return "未知";
        }
        return switch (hit.state()) {
            case NO_WEBHOOK -> "未设 webhook：只列在这里和订阅源中";
            case PENDING -> hit.attempts() == 0 ? "等待发送"
                    : "等待重试（已试 " + hit.attempts() + " 次" + status(hit) + "）";
            case HELD -> "本分钟命中较多，随下一份汇总发送";
            case SENDING -> "正在发送";
            case DELIVERED -> "已送达";
            case FAILED -> "发送失败" + (hit.lastStatus() != null && hit.lastStatus() > 0 ? "（HTTP " + hit.lastStatus() + "）" : "");
        };
    }

    private static boolean failedAttempt(AlertHit hit) {
        return hit.state() == AlertHit.State.FAILED || hit.state() == AlertHit.State.PENDING && hit.attempts() > 0;
    }

    private static String status(AlertHit hit) {
        return hit.lastStatus() != null && hit.lastStatus() > 0 ? "，上次 HTTP " + hit.lastStatus() : "";
    }

    private static String shortened(String text) {
        return text.length() <= ANSWER_SHOWN ? text : text.substring(0, ANSWER_SHOWN) + "…";
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
