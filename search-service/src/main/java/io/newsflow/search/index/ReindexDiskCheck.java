package io.newsflow.search.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.cluster.GetClusterSettingsResponse;
import co.elastic.clients.elasticsearch.nodes.Stats;
import co.elastic.clients.json.JsonData;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the data nodes' disks can take one more copy of the current index (a re-index writes a full copy before
 * the old one can go) without crossing the low disk watermark. Measured as Elasticsearch sees it: the store size of
 * the index ({@code _stats/store}, replicas included), each data node's file system ({@code _nodes/stats/fs}) and the
 * watermark in force ({@code _cluster/settings}, defaults included). The watermark is honoured even where the node does
 * not enforce it ({@code disk.threshold_enabled: false}): a full disk stops the node either way.
 */
@ApplicationScoped
public class ReindexDiskCheck {
    static final String LOW_WATERMARK = "cluster.routing.allocation.disk.watermark.low";

    private final ElasticsearchClient client;

    public ReindexDiskCheck(ElasticsearchClient client) {
        this.client = client;
    }

    /** Why a copy of {@code index} does not fit, or empty when it does. */
    public Optional<String> refusal(String index) throws IOException {
        long copyBytes = client.indices().stats(s -> s.index(index).metric("store"))
                .indices().get(index).total().store().sizeInBytes();
        GetClusterSettingsResponse settings = client.cluster().getSettings(s -> s.includeDefaults(true).flatSettings(true));
        DiskWatermark watermark = DiskWatermark.parse(setting(settings, LOW_WATERMARK).orElse("85%"),
                setting(settings, LOW_WATERMARK + ".max_headroom").orElse(null));
        for (Stats node : client.nodes().stats(s -> s.metric("fs")).nodes().values()) {
            boolean holdsData = node.roles().stream().anyMatch(role -> role.jsonValue().startsWith("data"));
            if (!holdsData || node.fs() == null || node.fs().total() == null
                    || node.fs().total().totalInBytes() == null || node.fs().total().availableInBytes() == null) {
                continue;
            }
            Optional<String> refusal = watermark.refusal(node.name(), node.fs().total().totalInBytes(),
                    node.fs().total().availableInBytes(), copyBytes);
            if (refusal.isPresent()) {
                return Optional.of("not enough disk to re-index " + index + ": " + refusal.get());
            }
        }
        return Optional.empty();
    }

    /** A flat setting as in force: transient over persistent over the default. */
    private static Optional<String> setting(GetClusterSettingsResponse settings, String name) {
        for (Map<String, JsonData> level : java.util.List.of(settings.transient_(), settings.persistent(), settings.defaults())) {
            JsonData value = level.get(name);
            if (value != null) {
                return Optional.of(value.to(String.class));
            }
        }
        return Optional.empty();
    }
}
