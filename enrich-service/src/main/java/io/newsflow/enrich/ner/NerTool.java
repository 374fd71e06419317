package io.newsflow.enrich.ner;

import com.hankcs.hanlp.HanLP;

import java.io.IOException;
import java.io.PrintStream;
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
 * eval  MODEL FILE                 tag a BIO file, print P/R/F1 per type; last line "ner-eval PER=… micro=…"
 * speed MODEL FILE                 tagging speed against bare HanLP.segment on the same text, one thread
 * </pre>
 */
public final class NerTool {
    /** Chosen on held-out tenths of the training files (folds 2, 4, 6, 9): F1 flat from epoch 10 on. */
    static final int DEFAULT_EPOCHS = 10;
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
                tune(paths(rest), epochs, fold, nameLists);
            }
            case "eval" -> {
                if (rest.size() != 2) {
                    return usage();
                }
                NerEvaluation evaluation = evaluate(PerceptronTagger.load(Path.of(rest.get(0))), BioCorpus.read(Path.of(rest.get(1))));
                out.print(evaluation.report());
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

    /** Scores the tagger against gold-tagged sentences (exact spans). */
    static NerEvaluation evaluate(PerceptronTagger tagger, List<TaggedSentence> sentences) {
        NerEvaluation evaluation = new NerEvaluation();
        for (TaggedSentence sentence : sentences) {
            evaluation.add(EntitySpans.of(sentence.text(), sentence.tags()), tagger.entities(sentence.text()));
        }
        return evaluation;
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
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return fallback;
        }
        int value = Integer.parseInt(args.get(at + 1));
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
        out.println("usage: NerTool train [--epochs N] [--name-lists M] MODEL FILE... | tune [--epochs N] [--name-lists M] [--fold K] FILE... | eval MODEL FILE | speed MODEL FILE");
        return 2;
    }
}
