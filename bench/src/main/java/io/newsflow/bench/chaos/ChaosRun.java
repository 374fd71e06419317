package io.newsflow.bench.chaos;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.BenchOptions;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.stack.BenchStack;
import io.newsflow.bench.stack.InProcessEnrichment;
import io.newsflow.localstack.FreePorts;
import io.newsflow.model.Article;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives generated pages through the whole system while faults hit it one after another, and after each fault
 * waits for the system to settle without help: exactly the expected article ids searchable (none lost, none
 * extra), no good page or article dead-lettered or refused, nothing left in {@code inbox/} or {@code processing/},
 * every service ready. The expected ids are what enrich-service's pipeline makes of the pages in this JVM. A fault
 * may add bad pages of its own (a poison page): each must be dead-lettered exactly once, and none of its articles
 * indexed.
 */
public final class ChaosRun {
    private static final System.Logger LOG = System.getLogger(ChaosRun.class.getName());
    private static final long CORPUS_SEED = 0xC4A05L;
    private static final Duration POLL = Duration.ofSeconds(2);

    /**
     * @param root           the checkout whose built services run
     * @param home           the run's own data folder (wiped first)
     * @param pages          generated pages, shared out between the faults
     * @param freeze         how long Elasticsearch is frozen (SIGSTOP)
     * @param brokerOutage   how long the broker and the node stay dead before {@code up}
     * @param pagesPerSecond rate of the pages into the inbox
     * @param settleTimeout  how long the system may take to settle after a fault
     */
    public record Options(Path root, Path home, int pages, Duration freeze, Duration brokerOutage, double pagesPerSecond,
                          Duration settleTimeout) {
    }

    private ChaosRun() {
    }

    /** The faults, in running order. */
    static List<Fault> faults(Options options) {
        double rate = options.pagesPerSecond();
        Duration pause = Duration.ofSeconds(5);
        List<Fault> faults = new ArrayList<>();
        for (String service : List.of("ingest-service", "enrich-service", "search-service")) {
            faults.add(new Fault(service + " killed (SIGKILL), then up", target -> target.kill(service), pause,
                    ChaosTarget::startWhatIsDown, rate));
        }
        faults.add(new Fault("Kafka broker killed (SIGKILL), then up", target -> target.kill("kafka"),
                options.brokerOutage(), ChaosTarget::startWhatIsDown, rate));
        faults.add(new Fault("Elasticsearch frozen (SIGSTOP), then SIGCONT", target -> target.signal("elasticsearch", "STOP"),
                options.freeze(), target -> target.signal("elasticsearch", "CONT"), rate));
        faults.add(new Fault("Elasticsearch killed (SIGKILL), then up", target -> target.kill("elasticsearch"),
                options.brokerOutage(), ChaosTarget::startWhatIsDown, rate));
        faults.add(new Fault("second enrich- and search-service join (rebalance)", target -> {
            target.startInstance("enrich-service", FreePorts.next());
            target.startInstance("search-service", FreePorts.next());
        }, Duration.ZERO, Fault.NOTHING, rate));
        faults.add(new Fault("second enrich- and search-service killed (rebalance)", ChaosTarget::killExtraInstances,
                Duration.ZERO, Fault.NOTHING, rate));
        faults.add(new Fault("poison page (100,000 copies of one line) among the pages",
                target -> target.drop(PoisonPage.repeatedLine(100_000)), Duration.ZERO, Fault.NOTHING, rate, 1));
        faults.add(new Fault("inbox flooded (all pages at once)", Fault.NOTHING, Duration.ZERO, Fault.NOTHING, 0));
        return faults;
    }

    public static ChaosReport run(Options options) throws Exception {
        BenchContext context = new BenchContext(BenchOptions.parse(options.root().toString()));
        List<Fault> faults = faults(options);
        if (options.pages() < faults.size()) {
            throw new IllegalArgumentException("--pages must be at least " + faults.size() + " (one batch per fault)");
        }
        List<GeneratedPage> pages = context.corpus(options.pages(), CORPUS_SEED).pages();
        long started = System.nanoTime();
        List<Article> articles = InProcessEnrichment.parallel(pages);
        LOG.log(System.Logger.Level.INFO, "chaos: {0} pages, {1} articles expected (enriched in this JVM in {2} s)",
                Integer.toString(pages.size()), Integer.toString(articles.size()), (System.nanoTime() - started) / 1_000_000_000);

        BenchStack stack = BenchStack.start(options.home(), options.root());
        ChaosReport report = new ChaosReport();
        try {
            ChaosTarget target = new ChaosTarget(stack.system(), stack.inbox());
            Set<String> expected = new HashSet<>();
            int pageDeadLetters = 0;
            for (int f = 0; f < faults.size(); f++) {
                List<GeneratedPage> batch = pages.subList(f * pages.size() / faults.size(), (f + 1) * pages.size() / faults.size());
                Set<String> batchPages = new HashSet<>();
                batch.forEach(page -> batchPages.add(page.sha256()));
                articles.stream().filter(a -> batchPages.contains(a.pageSha256())).forEach(a -> expected.add(a.id()));
                pageDeadLetters += faults.get(f).pageDeadLetters();
                report.add(runFault(faults.get(f), batch, Set.copyOf(expected), pageDeadLetters, stack, target,
                        options.settleTimeout()));
                System.out.println(report.table());
            }
        } finally {
            stack.system().down();
        }
        return report;
    }

    /**
     * @param pageDeadLetters the bad pages of this fault and the faults before it: each dead-lettered exactly once
     */
    private static ChaosReport.Row runFault(Fault fault, List<GeneratedPage> batch, Set<String> expected, int pageDeadLetters,
                                            BenchStack stack, ChaosTarget target, Duration settleTimeout) throws Exception {
        LOG.log(System.Logger.Level.INFO, "chaos: {0} ({1} pages)", fault.name(), Integer.toString(batch.size()));
        PageFeeder feeder = new PageFeeder(stack.inbox(), batch, fault.pagesPerSecond()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (feeder.dropped() < Math.max(1, batch.size() / 3) && System.nanoTime() < deadline) {
            Thread.sleep(50); // the feeder's own pace: the fault starts once a third of the pages are in
        }
        long injected = System.nanoTime();
        fault.inject().run(target);
        Thread.sleep(fault.outage()); // the fault lasts this long by design
        fault.heal().run(target);
        long healed = System.nanoTime();
        feeder.finish();

        SystemState state = SystemState.read(stack);
        long settleDeadline = System.nanoTime() + settleTimeout.toNanos();
        while (!(state.settled(expected) && state.pagesDeadLettered() >= pageDeadLetters) && System.nanoTime() < settleDeadline) {
            Thread.sleep(POLL);
            state = SystemState.read(stack);
        }
        double recovery = state.settled(expected) ? (System.nanoTime() - healed) / 1e9 : -1;
        String problem = null;
        if (!state.settled(expected)) {
            problem = "not settled within " + settleTimeout.toSeconds() + " s";
        } else if (!state.onlyBadPagesRefused(pageDeadLetters)) {
            problem = state.pagesDeadLettered() == pageDeadLetters ? "good pages or articles refused"
                    : pageDeadLetters + " pages should be dead-lettered, " + state.pagesDeadLettered() + " were";
        }
        return new ChaosReport.Row(fault.name(), batch.size(), (healed - injected) / 1e9, recovery,
                state.lost(expected), state.extra(expected), state.pagesDeadLettered(), state.articlesDeadLettered(),
                state.filesWaiting(), state.filesFailed(), state.notReady(), problem);
    }
}
