package io.newsflow.enrich.ner;

import com.hankcs.hanlp.HanLP;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command line for the entity tagger.
 * <pre>
 * train [--epochs N] [--name-lists M] MODEL FILE…   train on BIO files, write MODEL
 * tune  [--epochs N] [--name-lists M] [--fold K] FILE…
 *                                  hold out every 10th sentence (number K mod 10) of the files,
 *                                  print held-out F1 (and PER F1 on held-out name lists) after each epoch
 * tune  [--epochs N] [--name-lists M] --dev DEV FILE…
 *                                  train on all FILEs, print the F1 on the BIO file DEV after each epoch
 * eval  MODEL FILE                 tag a BIO file, print the load time, P/R/F1 per type and the tagging speed;
 *                                  last line "ner-eval PER=… LOC=… ORG=… micro=…"
 * speed MODEL FILE                 tagging speed against bare HanLP.segment on the same text, one thread
 * </pre>
 */
public final class NerTool {
    /**
     * Chosen on msra_dev while training on msra_train + pd_dev ({@code tune --dev}): micro F1 0.919 at epochs 9 to
     * 11, 0.922 at 12 and 13, then flat.
     */
    static final int DEFAULT_EPOCHS = 12;
    /** Synthetic name-list sentences added to training ({@link NameLists}); 300 neither helped nor hurt held-out prose. */
    static final int DEFAULT_NAME_LISTS = 300;

    private final PrintStream out;

    NerTool(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        int status = new NerTool(System.out).run(List.of(args));
        if (status != 0) {
            System.exit(status);
        }
    }

    int run(List<String> args) throws IOException {
        List<String> rest = new ArrayList<>(args);
        int epochs = option(rest, "--epochs", DEFAULT_EPOCHS);
        int nameLists = option(rest, "--name-lists", DEFAULT_NAME_LISTS);
        int fold = option(rest, "--fold", 9);
        String dev = stringOption(rest, "--dev");
        String command = rest.isEmpty() ? "" : rest.remove(0);
        switch (command) {
            case "train" -> {
                if (rest.size() < 2) {
                    return usage();
                }
                train(Path.of(rest.get(0)), paths(rest.subList(1, rest.size())), epochs, nameLists);
            }
            case "tune" -> {
                if (rest.isEmpty()) {
                    return usage();
                }
                if (dev == null) {
                    tune(paths(rest), epochs, fold, nameLists);
                } else {
                    tune(paths(rest), Path.of(dev), epochs, nameLists);
                }
            }
            case "eval" -> {
                if (rest.size() != 2) {
                    return usage();
                }
                long loadStart = System.nanoTime();
                PerceptronTagger tagger = PerceptronTagger.load(Path.of(rest.get(0)));
                double loadSeconds = seconds(loadStart);
                tagger.tagIndexes("国务院总理会见了客人。"); // HanLP reads its segmentation dictionaries on first use
                out.printf(Locale.ROOT, "model %s: %d features, loaded in %.2f s, first sentence tagged after %.2f s%n",
                        rest.get(0), tagger.featureCount(), loadSeconds, seconds(loadStart));
                List<TaggedSentence> sentences = BioCorpus.read(Path.of(rest.get(1)));
                NerEvaluation evaluation = evaluate(tagger, sentences);
                out.print(evaluation.report());
                out.printf(Locale.ROOT, "speed %.0f chars/s (tagging with HanLP segmentation, one thread, CPU time, best of %d rounds after %d warm-up rounds)%n",
                        taggingSpeed(tagger, sentences), SPEED_ROUNDS, WARM_UP_ROUNDS);
                out.println(evaluation.summaryLine());
            }
            case "speed" -> {
                if (rest.size() != 2) {
                    return usage();
                }
                speed(PerceptronTagger.load(Path.of(rest.get(0))), BioCorpus.read(Path.of(rest.get(1))));
            }
            default -> {
                return usage();
            }
        }
        return 0;
    }

    private void train(Path model, List<Path> files, int epochs, int nameLists) throws IOException {
        List<TaggedSentence> sentences = new ArrayList<>(BioCorpus.readAll(files));
        sentences.addAll(NameLists.generate(sentences, nameLists, 1L));
        long start = System.nanoTime();
        PerceptronTagger tagger = PerceptronTagger.train(sentences, epochs,
                (epoch, t) -> out.printf(Locale.ROOT, "epoch %d done after %.1f s%n", epoch, seconds(start)));
        tagger.save(model);
        out.printf(Locale.ROOT, "trained on %d sentences, %d epochs, %d features in %.1f s; wrote %s%n",
                sentences.size(), epochs, tagger.featureCount(), seconds(start), model);
    }

    private void tune(List<Path> files, int epochs, int fold, int nameLists) {
        List<TaggedSentence> train = new ArrayList<>();
        List<TaggedSentence> heldOut = new ArrayList<>();
        List<TaggedSentence> all = BioCorpus.readAll(files);
        for (int s = 0; s < all.size(); s++) {
            (s % 10 == fold ? heldOut : train).add(all.get(s));
        }
        List<TaggedSentence> heldOutLists = NameLists.generate(heldOut, 100, 2L);
        train.addAll(NameLists.generate(train, nameLists, 1L));
        out.printf("training on %d sentences, holding out %d%n", train.size(), heldOut.size());
        long start = System.nanoTime();
        PerceptronTagger.train(train, epochs, (epoch, tagger) -> out.printf(Locale.ROOT, "epoch %2d %.1f s held-out %s; held-out name lists PER=%.3f%n",
                epoch, seconds(start), evaluate(tagger, heldOut).summaryLine(), evaluate(tagger, heldOutLists).f1("PER")));
    }

    private void tune(List<Path> files, Path dev, int epochs, int nameLists) {
        List<TaggedSentence> train = new ArrayList<>(BioCorpus.readAll(files));
        train.addAll(NameLists.generate(train, nameLists, 1L));
        List<TaggedSentence> devSentences = BioCorpus.read(dev);
        out.printf("training on %d sentences, scoring on %d of %s%n", train.size(), devSentences.size(), dev);
        long start = System.nanoTime();
        PerceptronTagger.train(train, epochs, (epoch, tagger) -> {
            NerEvaluation evaluation = evaluate(tagger, devSentences);
            out.printf(Locale.ROOT, "epoch %2d %.1f s dev P=%.3f R=%.3f %s%n",
                    epoch, seconds(start), evaluation.microPrecision(), evaluation.microRecall(), evaluation.summaryLine());
        });
    }

    /** Scores the tagger against gold-tagged sentences (exact spans). */
    static NerEvaluation evaluate(PerceptronTagger tagger, List<TaggedSentence> sentences) {
        NerEvaluation evaluation = new NerEvaluation();
        for (TaggedSentence sentence : sentences) {
            evaluation.add(EntitySpans.of(sentence.text(), sentence.tags()), tagger.entities(sentence.text()));
        }
        return evaluation;
    }

    static final int WARM_UP_ROUNDS = 3;
    static final int SPEED_ROUNDS = 3;

    /**
     * Characters a second of this thread's CPU time {@link PerceptronTagger#tagIndexes} handles, HanLP's
     * segmentation included. CPU time rather than wall time, and the best of a few rounds after the JIT has warmed
     * up, because the machines it runs on are shared: other work then barely moves the figure.
     */
    static double taggingSpeed(PerceptronTagger tagger, List<TaggedSentence> sentences) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long chars = sentences.stream().mapToLong(s -> s.text().length()).sum();
        double best = 0;
        long sink = 0;
        for (int round = 0; round < WARM_UP_ROUNDS + SPEED_ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (TaggedSentence sentence : sentences) {
                sink += tagger.tagIndexes(sentence.text()).length;
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            if (round >= WARM_UP_ROUNDS && cpuSeconds > 0) {
                best = Math.max(best, chars / cpuSeconds);
            }
        }
        if (sink != (long) (WARM_UP_ROUNDS + SPEED_ROUNDS) * chars) {
            throw new IllegalStateException("the tagger lost characters");
        }
        return best;
    }

    private void speed(PerceptronTagger tagger, List<TaggedSentence> sentences) {
        long chars = sentences.stream().mapToLong(s -> s.text().length()).sum();
        for (int round = 1; round <= 8; round++) {
            long start = System.nanoTime();
            long sink = 0;
            for (TaggedSentence sentence : sentences) {
                sink += HanLP.segment(sentence.text()).size();
            }
            double hanlp = chars / seconds(start);
            start = System.nanoTime();
            for (TaggedSentence sentence : sentences) {
                sink += tagger.tagIndexes(sentence.text()).length;
            }
            double tagged = chars / seconds(start);
            out.printf(Locale.ROOT, "round %d: HanLP.segment %.0f chars/s, tagger %.0f chars/s (%.0f%%) [%d]%n",
                    round, hanlp, tagged, 100 * tagged / hanlp, sink);
        }
    }

    /** Removes {@code name value} from {@code args} and returns the value, or {@code fallback} when absent. */
    private static int option(List<String> args, String name, int fallback) {
        String value = stringOption(args, name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** Removes {@code name value} from {@code args} and returns the value, or null when absent. */
    private static String stringOption(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return null;
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return value;
    }

    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private int usage() {
        out.println("usage: NerTool train [--epochs N] [--name-lists M] MODEL FILE... | tune [--epochs N] [--name-lists M] [--fold K | --dev DEV] FILE... | eval MODEL FILE | speed MODEL FILE");
        return 2;
    }
}
