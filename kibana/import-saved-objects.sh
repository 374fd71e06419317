#!/bin/sh
# One-shot job of docker-compose.yml (service kibana-setup): imports the newsflow data view, visualisations, saved
# search and dashboard into Kibana and makes the data view the default one. The import overwrites objects with the
# same ids, so running it at every start keeps Kibana in step with kibana/newsflow.ndjson.
set -eu

: "${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}"
KIBANA="${KIBANA_URL:-http://kibana:5601}"
SAVED_OBJECTS="${SAVED_OBJECTS:-/kibana/newsflow.ndjson}"
DATA_VIEW_ID=newsflow-news-articles

# Kibana answers 503 until it is ready, even when its container already counts as healthy
attempt=1
until curl -fsS -o /dev/null -u "elastic:$ELASTIC_PASSWORD" "$KIBANA/api/status"; do
  if [ "$attempt" -ge 60 ]; then echo "Kibana at $KIBANA is not ready after $attempt attempts" >&2; exit 1; fi
  attempt=$((attempt + 1))
  sleep 5
done

answer=$(curl -sS -u "elastic:$ELASTIC_PASSWORD" -H 'kbn-xsrf: newsflow' \
  -F "file=@$SAVED_OBJECTS" "$KIBANA/api/saved_objects/_import?overwrite=true")
case "$answer" in
  *'"success":true'*) echo "imported $SAVED_OBJECTS" ;;
  *) echo "import of $SAVED_OBJECTS failed: $answer" >&2; exit 1 ;;
esac

curl -fsS -o /dev/null -u "elastic:$ELASTIC_PASSWORD" -H 'kbn-xsrf: newsflow' -H 'Content-Type: application/json' \
  -X POST "$KIBANA/api/data_views/default" -d "{\"data_view_id\":\"$DATA_VIEW_ID\",\"force\":true}"
echo "Kibana is set up: open the dashboard \"newsflow overview\"."
