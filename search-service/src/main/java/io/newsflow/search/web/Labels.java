package io.newsflow.search.web;

import io.newsflow.search.query.EntityKind;

import java.util.Map;

/** How the page names the things the index holds: category ids and entity kinds in Chinese. */
public final class Labels {
    /** The category ids of the enrichment (docs/search-api.md) and their names on the page. */
    private static final Map<String, String> CATEGORIES = Map.of(
            "politics", "时政", "economy", "经济", "technology", "科技", "environment", "环境", "society", "社会",
            "culture", "文化", "health", "健康", "international", "国际", "sports", "体育", "general", "综合");
    private static final Map<String, String> FILTERS = Map.of(
            "person", "人物", "place", "地点", "org", "机构", "reporter", "记者", "category", "分类", "keyword", "关键词");

    private Labels() {
    }

    /** A category's name; an id the page does not know is shown as it is. */
    public static String category(String id) {
        return id == null ? "" : CATEGORIES.getOrDefault(id, id);
    }

    public static String filter(String parameter) {
        return FILTERS.getOrDefault(parameter, parameter);
    }

    public static String kind(EntityKind kind) {
        return filter(kind.parameter());
    }
}
