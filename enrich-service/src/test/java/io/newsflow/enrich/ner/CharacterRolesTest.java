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
    void charactersNoDictionaryListsHaveNoRole() {
        assertThat(CharacterRoles.of(0x0007)).as("a control character").isZero();
        assertThat(CharacterRoles.of(0xD800)).as("half of a surrogate pair").isZero();
    }
}
