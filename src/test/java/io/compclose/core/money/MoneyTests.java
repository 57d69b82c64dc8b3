package io.compclose.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void roundsHalfEvenToTheCent() {
        // 0.125 -> 0.12 (2 is even), 0.135 -> 0.14 (4 is even), 599.996 -> 600.00
        assertThat(Money.of("0.125", "USD").rounded()).isEqualTo(Money.of("0.12", "USD"));
        assertThat(Money.of("0.135", "USD").rounded()).isEqualTo(Money.of("0.14", "USD"));
        assertThat(Money.of("599.996", "EUR").rounded()).isEqualTo(Money.of("600.00", "EUR"));
        assertThat(Money.of("-2.345", "USD").rounded()).isEqualTo(Money.of("-2.34", "USD"));
    }

    @Test
    void roundsToTheCurrencysMinorUnit() {
        // the yen has no minor unit: 1234.5 -> 1234 (4 is even)
        assertThat(Money.of("1234.5", "JPY").rounded().amount()).isEqualByComparingTo("1234");
    }

    @Test
    void multipliesExactlyUntilRounded() {
        // 7,499.95 x 0.08 = 599.9960 exactly; rounded once: 600.00
        Money commission = Money.of("7499.95", "USD").times(new BigDecimal("0.08"));
        assertThat(commission.amount()).isEqualByComparingTo("599.996");
        assertThat(commission.rounded().amount()).isEqualByComparingTo("600.00");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot combine USD with EUR");
        assertThat(Money.of("1.10", "USD").plus(Money.of("2.205", "USD"))).isEqualTo(Money.of("3.305", "USD"));
    }

    @Test
    void refusesACurrencyWithoutAMinorUnit() {
        // Currency.getDefaultFractionDigits() is -1 for gold: rounded() would round to tens
        assertThatThrownBy(() -> Money.of("100", "XAU")).hasMessage("XAU has no minor unit");
    }

    @Test
    void readsAStoredAmountBackWithoutRoundingItAgain() {
        // a decimal(19,4) column pads 449.05 to 449.0500: the padding goes, the value stays
        assertThat(Money.stored(new BigDecimal("449.0500"), "USD")).isEqualTo(Money.of("449.05", "USD"));
        // 449.0512 was never rounded where it was made: reading it refuses to round it now
        assertThatThrownBy(() -> Money.stored(new BigDecimal("449.0512"), "USD"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void negatesAndPicksTheSmallerOrLargerAmountOfOneCurrency() {
        Money ten = Money.of("10.00", "USD");
        Money five = Money.of("5.00", "USD");
        assertThat(ten.min(five)).isEqualTo(five);
        assertThat(ten.max(five)).isEqualTo(ten);
        assertThat(five.negate()).isEqualTo(Money.of("-5.00", "USD"));
        assertThat(five.negate().signum()).isEqualTo(-1);
        assertThat(Money.zero(Currency.getInstance("JPY")).isZero()).isTrue();
        assertThatThrownBy(() -> ten.max(Money.of("5", "EUR"))).hasMessage("cannot combine USD with EUR");
    }
}
