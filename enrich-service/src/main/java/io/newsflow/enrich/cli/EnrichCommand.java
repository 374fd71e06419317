package io.newsflow.enrich.cli;

import io.newsflow.enrich.entities.NamesDictionary;
import io.newsflow.enrich.pipeline.EnrichmentPipeline;
import io.newsflow.model.Article;
import io.newsflow.model.NewsJson;
import io.newsflow.model.Page;
import io.newsflow.pagefiles.NotTextException;
import io.newsflow.pagefiles.PageFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin/newsflow enrich FILE… [--issue-date yyyy-MM-dd] [--names FILE]}: one {@link Article} JSON per line on
 * stdout, from the pipeline the service runs. Files are read as ingest reads them (encoding, issue date from the
 * name, folder or sidecar). Exit 0 when every file was enriched, 1 when some could not be, 2 on bad arguments.
 */
public final class EnrichCommand {
    static final String USAGE = "usage: bin/newsflow enrich FILE... [--issue-date yyyy-MM-dd] [--names names.txt]";

    private EnrichCommand() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, new PrintStream(System.out, false, StandardCharsets.UTF_8), System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        List<Path> files = new ArrayList<>();
        Optional<LocalDate> issueDate = Optional.empty();
        Optional<Path> namesFile = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--issue-date" -> issueDate = Optional.of(LocalDate.parse(value(args, ++i, "--issue-date")));
                    case "--names" -> namesFile = Optional.of(Path.of(value(args, ++i, "--names")));
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        files.add(Path.of(args[i]));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no file given");
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        EnrichmentPipeline pipeline = EnrichmentPipeline.load(EnrichmentPipeline.VERSION,
                NamesDictionary.loadOrBundled(namesFile));
        int failed = 0;
        for (Path file : files) {
            try {
                Page page = PageFile.read(file, issueDate, ZoneId.systemDefault(), Instant.now());
                List<Article> articles = pipeline.enrich(page);
                for (Article article : articles) {
                    out.println(NewsJson.mapper().writeValueAsString(article));
                }
                err.printf("%s: %d articles, issue date %s (%s)%n", file, articles.size(), page.issueDate(),
                        page.issueDateSource() == null ? "none" : page.issueDateSource().wireName());
            } catch (NotTextException e) {
                failed++;
                err.printf("%s: not a text page (%s): %s%n", file, e.reason(), e.getMessage());
            } catch (IOException e) {
                failed++;
                err.printf("%s: cannot read: %s%n", file, e.getMessage());
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
