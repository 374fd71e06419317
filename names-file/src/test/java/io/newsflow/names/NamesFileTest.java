package io.newsflow.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.names.NamesFile.Entry;
import io.newsflow.names.NamesFile.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesFileTest {

    @Test
    void readsEntriesSkippingCommentsAndBlankLines() {
        Parsed parsed = NamesFile.parse(List.of(
                "\uFEFF# newsflow names",
                "",
                "叶航雨 nr 2000",
                "   ",
                "  # indented comment",
                "梁溪区 ns",
                "无锡市委 nt\t500",
                "二泉映月\u3000nz"));
        assertThat(parsed.entries()).containsExactly(
                new Entry("叶航雨", "nr", 2000),
                new Entry("梁溪区", "ns", NamesFile.DEFAULT_FREQUENCY),
                new Entry("无锡市委", "nt", 500),
                new Entry("二泉映月", "nz", 1000));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.entries().get(1).natureWithFrequency()).isEqualTo("ns 1000");
    }

    @Test
    void skipsMalformedLinesNamingTheirLineNumber() {
        Parsed parsed = NamesFile.parse(List.of(
                "# header",
                "杜小刚",                 // no nature
                "高美梅 nr 12 extra",      // too many fields
                "惠晓婧 v",               // not a names nature
                "叶航雨 nr many",          // frequency not a number
                "周明 nr 0",               // frequency not positive
                "叶航雨 nr"));
        assertThat(parsed.entries()).containsExactly(new Entry("叶航雨", "nr", 1000));
        assertThat(parsed.problems()).hasSize(5);
        assertThat(parsed.problems().get(0)).startsWith("line 2: ").contains("杜小刚");
        assertThat(parsed.problems().get(1)).startsWith("line 3: ");
        assertThat(parsed.problems().get(2)).startsWith("line 4: ").contains("nature");
        assertThat(parsed.problems().get(3)).startsWith("line 5: ").contains("frequency");
        assertThat(parsed.problems().get(4)).startsWith("line 6: ").contains("frequency");
    }

    @Test
    void readsAWholeFileWithWindowsLineEnds() {
        Parsed parsed = NamesFile.parse("\uFEFF杜小刚 nr\r\n# comment\r\n\u3000梁溪区\u3000ns\u3000\r\n坏 xx\r\n");
        assertThat(parsed.entries()).containsExactly(
                new Entry("杜小刚", "nr", 1000),
                new Entry("梁溪区", "ns", 1000));
        assertThat(parsed.problems()).containsExactly("line 4: nature must be one of nr, ns, nt, nz, not 'xx' (坏 xx)");
    }

    @Test
    void emptyFileHasNoEntries() {
        assertThat(NamesFile.parse(List.of()).entries()).isEmpty();
        assertThat(NamesFile.parse(List.of("# only a header", "")).problems()).isEmpty();
    }
}
