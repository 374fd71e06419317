package io.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharacterRolesTest {

    @Test
    void surnamesPlaceSuffixesAndTheCommaAroundNamesHaveDifferentRoles() {
        long surname = CharacterRoles.topPerson(CharacterRoles.of('王'));
        assertThat(surname).isNotZero();
        // the comma's most frequent person role is the context before or after a name, not a surname
        assertThat(CharacterRoles.topPerson(CharacterRoles.of('，'))).isNotZero().isNotEqualTo(surname);
        assertThat(CharacterRoles.placeAndOrganisation(CharacterRoles.of('省'))).isNotZero();
    }

    @Test
    void boundariesAndCharactersBeyondTheBasicPlaneShareOneCode() {
        assertThat(CharacterRoles.of(0x10000)).isEqualTo(CharacterRoles.OUTSIDE);
        assertThat(CharacterRoles.of(0x10001)).isEqualTo(CharacterRoles.OUTSIDE);
    }

    @Test
    void theSameCharacterAlwaysGetsTheSameRoles() {
        for (char c : "杜小刚在宜兴市调研太湖综合治理".toCharArray()) {
            assertThat(CharacterRoles.of(c)).isEqualTo(CharacterRoles.of(c));
        }
    }
}
