package io.newsflow.bench;

import io.newsflow.bench.report.Measurement;

import java.util.List;

/** One benchmark of the suite; {@link BenchMain} runs them in order and collects their figures. */
public interface Benchmark {

    /** Short name used by {@code --only} and in the report ({@code enrichment}, {@code indexing}, …). */
    String name();

    /** Runs the benchmark and returns its figures; an exception marks it failed without stopping the others. */
    List<Measurement> run(BenchContext context) throws Exception;
}
