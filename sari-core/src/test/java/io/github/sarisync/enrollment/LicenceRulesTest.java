package io.github.sarisync.enrollment;

import io.github.sarisync.model.CourseType;
import io.github.sarisync.model.Customer;
import io.github.sarisync.model.License;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LicenceRulesTest {
    private static final LocalDate LAST_PART = LocalDate.of(2027, 3, 20);
    private final LicenceRules rules = LicenceRules.defaults();

    private static Customer holding(License... licences) {
        return new Customer("001234567", LocalDate.of(2005, 1, 1), "Anna", "Muster", "Weg 1", "8000", "Zürich",
                List.of(licences));
    }

    @Test
    void vkuAcceptsCategoryB() {
        assertThat(rules.check(holding(new License("B", LAST_PART.plusYears(1))), CourseType.VKU, LAST_PART))
                .isEmpty();
    }

    @Test
    void pgsRefusesCategoryBNamingWhatIsNeeded() {
        assertThat(rules.check(holding(new License("B", LAST_PART.plusYears(1))), CourseType.PGS, LAST_PART))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.Reason.NO_SUITABLE_LICENCE);
                    assertThat(r.message()).contains("PGS", "A, A1, A35KW", "holds B");
                });
    }

    @Test
    void pgsAcceptsEachMotorcycleCategory() {
        for (String category : List.of("A1", "A35KW", "A", "a35kw")) {
            assertThat(rules.check(holding(new License(category, null)), CourseType.PGS, LAST_PART))
                    .as(category).isEmpty();
        }
    }

    @Test
    void licenceExpiringOnTheDayOfTheLastPartIsStillValid() {
        assertThat(rules.check(holding(new License("A1", LAST_PART)), CourseType.PGS, LAST_PART)).isEmpty();
    }

    @Test
    void licenceExpiringTheDayBeforeTheLastPartIsRefused() {
        assertThat(rules.check(holding(new License("A1", LAST_PART.minusDays(1))), CourseType.PGS, LAST_PART))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.Reason.LICENCE_EXPIRES_BEFORE_LAST_PART);
                    assertThat(r.message()).contains("2027-03-19", "2027-03-20");
                });
    }

    @Test
    void anyOneValidSuitableLicenceIsEnough() {
        Customer customer = holding(new License("A1", LAST_PART.minusDays(10)), new License("A", LAST_PART),
                new License("B", LAST_PART.minusYears(1)));
        assertThat(rules.check(customer, CourseType.PGS, LAST_PART)).isEmpty();
    }

    @Test
    void studentWithoutLicencesIsRefused() {
        assertThat(rules.check(holding(), CourseType.VKU, LAST_PART))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("holds none"));
    }

    @Test
    void customRulesMustNameEveryCourseType() {
        assertThatThrownBy(() -> LicenceRules.of(Map.of(CourseType.VKU, Set.of("B"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PGS");
        assertThat(LicenceRules.of(Map.of(CourseType.VKU, Set.of("b"), CourseType.PGS, Set.of("A")))
                .accepted(CourseType.VKU)).containsExactly("B");
    }
}
