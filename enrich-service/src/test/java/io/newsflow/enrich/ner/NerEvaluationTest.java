package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerEvaluationTest {

    private static EntitySpan span(String type, int start, int end) {
        return new EntitySpan(type, start, end, "x".repeat(end - start));
    }

    private static NerEvaluation evaluationWithOneOfEachOutcome() {
        NerEvaluation evaluation = new NerEvaluation();
        evaluation.add(
                List.of(span("PER", 0, 2), span("LOC", 3, 5), span("PER", 5, 7)),
                List.of(span("PER", 0, 2), span("LOC", 3, 5), span("PER", 5, 6), span("ORG", 8, 10)));
        return evaluation;
    }

    @Test
    void countsOnlyExactSpansOfTheRightType() {
        NerEvaluation evaluation = evaluationWithOneOfEachOutcome();

        assertThat(evaluation.precision("PER")).isEqualTo(0.5);
        assertThat(evaluation.recall("PER")).isEqualTo(0.5);
        assertThat(evaluation.f1("PER")).isEqualTo(0.5);
        assertThat(evaluation.f1("LOC")).isEqualTo(1.0);
        assertThat(evaluation.precision("ORG")).isZero();
        assertThat(evaluation.f1("ORG")).isZero();
    }

    @Test
    void microAveragesOverAllTypes() {
        NerEvaluation evaluation = evaluationWithOneOfEachOutcome();

        assertThat(evaluation.microPrecision()).isEqualTo(0.5);
        assertThat(evaluation.microRecall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(evaluation.microF1()).isCloseTo(4.0 / 7, within(1e-12));
    }

    @Test
    void summaryLineHasThreeDecimalsPerTypeAndMicro() {
        assertThat(evaluationWithOneOfEachOutcome().summaryLine())
                .isEqualTo("ner-eval PER=0.500 LOC=1.000 ORG=0.000 micro=0.571");
    }

    @Test
    void sameTypeWithShiftedBoundaryIsAMissAndAFalseAlarm() {
        NerEvaluation evaluation = new NerEvaluation();
        evaluation.add(List.of(span("ORG", 0, 4)), List.of(span("ORG", 0, 3)));
        evaluation.add(List.of(span("ORG", 0, 2)), List.of(span("LOC", 0, 2)));

        assertThat(evaluation.f1("ORG")).isZero();
        assertThat(evaluation.precision("LOC")).isZero();
        assertThat(evaluation.microF1()).isZero();
    }

    @Test
    void reportEndsWithMicroLine() {
        assertThat(evaluationWithOneOfEachOutcome().report())
                .contains("PER   gold=    2 predicted=    2 P=0.500 R=0.500 F1=0.500")
                .contains("micro gold=    3 predicted=    4 P=0.500 R=0.667 F1=0.571");
    }
}
