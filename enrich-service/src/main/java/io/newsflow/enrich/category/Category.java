package io.newsflow.enrich.category;

import java.util.Arrays;
import java.util.Optional;

/**
 * The subject of an article, one of a small fixed set. The {@link #id()} is what the article carries and what search
 * filters on; the {@link #label()} is the newspaper's own word for the section. The order is the tie-break order of
 * {@link CategoryClassifier}.
 */
public enum Category {
    /** Party and state affairs: standing committee meetings, party building, people's congress and CPPCC, discipline
     *  inspection, legislation, cadres, political study campaigns. */
    POLITICS("politics", "时政"),
    /** The economy: investment and projects, companies and industries, signings, business environment, finance,
     *  trade, economic figures, development zones, agriculture. */
    ECONOMY("economy", "经济"),
    /** Science and technology: research institutions and laboratories, R&amp;D, integrated circuits, artificial
     *  intelligence, innovation policy, talent for science. */
    TECHNOLOGY("technology", "科技"),
    /** The environment: Taihu and water governance, pollution control, ecology, carbon peak and neutrality, energy
     *  saving, greening. */
    ENVIRONMENT("environment", "环境"),
    /** Society and livelihoods: petitions and residents' requests, education, employment, elderly care, housing,
     *  public safety and work safety, transport, community affairs, social welfare. */
    SOCIETY("society", "社会"),
    /** Culture and tourism: arts, museums, heritage and intangible heritage, performances, reading, tourism. */
    CULTURE("culture", "文化"),
    /** Health: epidemic control, hospitals and medical care, public health, vaccination, health insurance. */
    HEALTH("health", "健康"),
    /** Foreign affairs: foreign visitors and delegations, sister cities, consulates, overseas Chinese, international
     *  exchanges (a foreign company's investment is {@link #ECONOMY}). Front pages of a city daily carry these
     *  regularly, and they fit none of the other categories. */
    INTERNATIONAL("international", "外事"),
    /** Sport: competitions, marathons, athletes, fitness for all; its own section in every city daily. */
    SPORTS("sports", "体育"),
    /** Nothing in the article matches a rule: better an honest "general" than a guessed subject in a search facet. */
    GENERAL("general", "综合");

    private final String id;
    private final String label;

    Category(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Lower-case id, the article's {@code category} value. */
    public String id() {
        return id;
    }

    /** The newspaper's section name in Chinese. */
    public String label() {
        return label;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(category -> category.id.equals(id)).findFirst();
    }
}
