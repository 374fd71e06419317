package io.newsflow.bench.chaos;

import io.newsflow.bench.BenchContext;
import io.newsflow.bench.BenchOptions;
import io.newsflow.bench.corpus.GeneratedPage;
import io.newsflow.bench.stack.BenchStack;
import io.newsflow.localstack.FreePorts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives generated pages through the whole system while faults hit it one after another, and after each fault
 * waits for the system to settle without help: exactly the expected article ids searchable, each once (none lost,
 * none extra, no duplicate), no good page or article dead-lettered or refused, nothing left in {@code inbox/} or
 * {@code processing/}, every service ready. The expected ids are the generator's own truth (the articles it laid out
 * on each page, {@link GeneratedPage#articleIds()}), not what the enrichment code makes of the pages. A fault may add
 * bad pages of its own (a poison page): each must be dead-lettered exactly once, and none of its articles indexed.
 * After the last fault the state is read once more, a while later, so that a dead letter or a document that comes
 * late is seen too.
 */
public final class ChaosRun {
    private static final System.Logger LOG = System.getLogger(ChaosRun.class.getName());
    private static final long CORPUS_SEED = 0xC4A05L;
    private static final Duration POLL = Duration.ofSeconds(2);
    /** How long after the last fault the state is read again, for anything that arrives late. */
    private static final Duration LATE = Duration.ofSeconds(15);
    /** The flood gets this many shares of the pages, every other fault one: a flood must be a flood. */
    private static final int FLOOD_SHARES = 4;

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
                target -> target.drop(PoisonPage.repeatedLine(100_000)), Duration.ZERO, Fault.NOTHING, rate, 1, 1));
        faults.add(new Fault("inbox flooded (all pages at once)", Fault.NOTHING, Duration.ZERO, Fault.NOTHING, 0, 0, FLOOD_SHARES));
        return faults;
    }

    public static ChaosReport run(Options options) throws Exception {
        BenchContext context = new BenchContext(BenchOptions.parse(options.root().toString()));
        List<Fault> faults = faults(options);
        int shares = faults.stream().mapToInt(Fault::shares).sum();
        if (options.pages() < shares) {
            throw new IllegalArgumentException("--pages must be at least " + shares + " (one batch per fault, "
                    + FLOOD_SHARES + " for the flood)");
        }
        List<GeneratedPage> pages = context.corpus(options.pages(), CORPUS_SEED).pages();
        LOG.log(System.Logger.Level.INFO, "chaos: {0} pages, {1} articles expected, as the generator laid them out",
                Integer.toString(pages.size()), Integer.toString(pages.stream().mapToInt(GeneratedPage::articleCount).sum()));

        BenchStack stack = BenchStack.start(options.home(), options.root());
        ChaosReport report = new ChaosReport();
        try {
            ChaosTarget target = new ChaosTarget(stack.system(), stack.inbox());
            Set<String> expected = new HashSet<>();
            int pageDeadLetters = 0;
            int share = 0;
            for (Fault fault : faults) {
                List<GeneratedPage> batch = pages.subList(share * pages.size() / shares,
                        (share + fault.shares()) * pages.size() / shares);
                share += fault.shares();
                batch.forEach(page -> expected.addAll(page.articleIds()));
                pageDeadLetters += fault.pageDeadLetters();
                report.add(runFault(fault, batch, Set.copyOf(expected), pageDeadLetters, stack, target, options.settleTimeout()));
                System.out.println(report.table());
            }
            report.add(lateCheck(Set.copyOf(expected), pageDeadLetters, stack));
            System.out.println(report.table());
        } finally {
            stack.system().down();
        }
        return report;
    }

    /** The state {@link #LATE} after the last fault settled: still exactly the same, nothing dead-lettered late. */
    private static ChaosReport.Row lateCheck(Set<String> expected, int pageDeadLetters, BenchStack stack) throws Exception {
        Thread.sleep(LATE); // anything late has this long to show: the point of the check is to wait
        SystemState state = SystemState.read(stack);
        String problem = !state.settled(expected) ? "no longer settled"
                : !state.onlyBadPagesRefused(pageDeadLetters) ? "dead letters or refused files came late" : null;
        return new ChaosReport.Row("after the run, " + LATE.toSeconds() + " s later (late dead letters, duplicates)", 0, 0, 0,
                state.lost(expected), state.extra(expected), state.duplicates(), state.pagesDeadLettered(),
                state.articlesDeadLettered(), state.filesWaiting(), state.filesFailed(), state.notReady(), problem);
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
                state.lost(expected), state.extra(expected), state.duplicates(), state.pagesDeadLettered(), state.articlesDeadLettered(),
                state.filesWaiting(), state.filesFailed(), state.notReady(), problem);
    }
}
