package io.newsflow.enrich.entities;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NamesDictionaryTest {

    @Test
    void readsWordsByNatureSkippingCommentsAndMalformedLines() {
        NamesDictionary names = NamesDictionary.parse("""
                # local names
                杜小刚 nr 2000

                梁溪 ns
                市产业集团 nt
                半行
                坏频率 nr lots
                怪 xx
                """, "test");

        assertThat(names.size()).isEqualTo(3);
        assertThat(names.persons()).containsExactly("杜小刚");
        assertThat(names.places()).containsExactly("梁溪");
        assertThat(names.organizations()).containsExactly("市产业集团");
    }

    @Test
    void theServiceCarriesTheRepositoryFile() throws Exception {
        NamesDictionary repository = NamesDictionary.load(Path.of("../config/names.txt"));

        assertThat(NamesDictionary.bundled().persons()).isEqualTo(repository.persons());
        assertThat(NamesDictionary.bundled().size()).isEqualTo(repository.size());
    }
}
