package se.kommun.kvalitet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates that matter (received, due, reminders, the reference year) are days in Swedish time, and tests must
 * not depend on the machine's zone or hour: no class of ours, main or test, may ask the JVM for its default
 * zone. They take the application's {@link Clock} bean (shared.ClockConfiguration) or name the zone. Surefire
 * runs every test JVM in UTC+14 (pom.xml) so that a call this rule cannot see still shows up.
 */
class ClockRulesTest {

    /** Each takes the JVM's default time zone when called without arguments. */
    static final List<Class<?>> ZONED_NOW = List.of(LocalDate.class, LocalDateTime.class, LocalTime.class,
            ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Year.class, YearMonth.class, MonthDay.class);

    /** Main and test classes, less the rule's own sample of what it forbids. */
    static final JavaClasses OURS = new ClassFileImporter()
            .withImportOption(location -> !location.contains("ClockRulesTest$Offender"))
            .importPackages("se.kommun.kvalitet");

    /**
     * The one place that must read the JVM's zone: Camunda schedules history cleanup in the batch window read in
     * the JVM's default zone (not configurable), and this test checks that it does.
     */
    static final List<String> MUST_READ_THE_JVM_ZONE = List.of("se.kommun.kvalitet.cases.retention.CaseRetentionTest"
            + ".camundaHistoryOfAFinishedCaseGoesInTheNightlyWindowOnceItsRemovalTimeHasPassed()");

    static final ArchRule NO_DEFAULT_ZONE = noClasses()
            .should().callMethodWhere(defaultZone())
            .because("the JVM's default time zone is not the municipality's: use the Clock bean "
                    + "(shared.ClockConfiguration, Europe/Stockholm) or name the zone");

    @Test
    void noClassOfOursReadsTheJvmsDefaultTimeZone() {
        NO_DEFAULT_ZONE.check(OURS);
    }

    @Test
    void theRuleSeesEveryForbiddenCallAndAllowsTheClock() {
        JavaClasses samples = new ClassFileImporter().importClasses(Offender.class, Allowed.class);

        EvaluationResult result = NO_DEFAULT_ZONE.evaluate(samples);

        assertThat(result.getFailureReport().getDetails()).hasSize(ZONED_NOW.size() + 4)
                .allMatch(line -> line.contains(Offender.class.getName()));
    }

    /** Both halves matter: main and test classes are in what the rule checks. */
    @Test
    void theRuleCoversMainAndTestClasses() {
        assertThat(OURS.contain(KvalitetApplication.class)).isTrue();
        assertThat(OURS.contain(ClockRulesTest.class)).isTrue();
        assertThat(OURS.contain(Offender.class)).isFalse();
    }

    private static DescribedPredicate<JavaMethodCall> defaultZone() {
        return DescribedPredicate.describe("read the JVM's default time zone", call -> {
            if (MUST_READ_THE_JVM_ZONE.contains(call.getOrigin().getFullName())) {
                return false;
            }
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            boolean noArguments = call.getTarget().getRawParameterTypes().isEmpty();
            return noArguments && name.equals("now") && ZONED_NOW.stream().anyMatch(type -> type.getName().equals(owner))
                    || owner.equals(ZoneId.class.getName()) && name.equals("systemDefault")
                    || owner.equals(TimeZone.class.getName()) && name.equals("getDefault")
                    || owner.equals(Clock.class.getName()) && name.equals("systemDefaultZone")
                    || owner.equals(Calendar.class.getName()) && name.equals("getInstance") && noArguments;
        });
    }

    @SuppressWarnings("unused")
    static final class Offender {
        void everyForbiddenCall() {
            LocalDate.now();
            LocalDateTime.now();
            LocalTime.now();
            ZonedDateTime.now();
            OffsetDateTime.now();
            OffsetTime.now();
            Year.now();
            YearMonth.now();
            MonthDay.now();
            ZoneId.systemDefault();
            TimeZone.getDefault();
            Clock.systemDefaultZone();
            Calendar.getInstance();
        }
    }

    @SuppressWarnings("unused")
    static final class Allowed {
        void withTheClock(Clock clock) {
            LocalDate.now(clock);
            LocalDateTime.now(clock);
            ZonedDateTime.now(ZoneId.of("Europe/Stockholm"));
            Calendar.getInstance(TimeZone.getTimeZone("Europe/Stockholm"));
            clock.instant();
        }
    }
}
