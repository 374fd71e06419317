#!/bin/sh
# One-shot job of docker-compose.yml (service topic-init): creates the newsflow topics with their partitions and
# policies, instead of leaving them to broker defaults (the broker has auto-creation off). Idempotent: an existing
# topic is left as it is, so partitions added later by hand survive a restart.
set -eu

BOOTSTRAP="${BOOTSTRAP_SERVERS:-kafka:9092}"
# partitions bound the parallelism of a consumer group: at most one consumer instance per partition does work
PARTITIONS="${NEWSFLOW_PARTITIONS:-3}"
REPLICATION="${NEWSFLOW_REPLICATION_FACTOR:-1}"
TOPICS=/opt/kafka/bin/kafka-topics.sh

create() { # topic name, then extra kafka-topics.sh options
  topic="$1"
  shift
  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "$@"
}

# a page is one record of up to ~8 MB (a 5 MB file as JSON); its dead letters carry the same bytes
create news.pages --config max.message.bytes=8388608
create news.pages.dlq --config max.message.bytes=8388608
# keyed by article id: compaction keeps the newest version of every article for good, so the topic can be
# replayed into a new index when the mapping changes
create news.articles --config cleanup.policy=compact
create news.articles.dlq
# keyed by saved search id, a tombstone when one is deleted: compaction keeps every saved search for good, and each
# search-service instance reads them all at start
create news.saved-searches --config cleanup.policy=compact

"$TOPICS" --bootstrap-server "$BOOTSTRAP" --describe --topic 'news\..*'
