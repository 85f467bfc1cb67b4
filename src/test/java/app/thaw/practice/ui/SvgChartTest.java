package app.thaw.practice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void barsAreAnAccessibleSvgWithEveryValueInItsDescriptionAndNamesEscaped() {
        String svg = SvgChart.bars("Sessions <by> week", List.of("2 Mar", "9 Mar"), List.of(
                new SvgChart.Series("Attended & more", "#2f7f7a", List.of(3.0, 7.0)),
                new SvgChart.Series("Cancelled", "#b3261e", List.of(0.0, 1.0))));
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("role=\"img\"", "<title>Sessions &lt;by&gt; week</title>")
                .contains("2 Mar: Attended &amp; more 3, Cancelled 0. 9 Mar: Attended &amp; more 7, Cancelled 1.")
                .doesNotContain("<by>");
        assertThat(svg.split("<rect ", -1)).hasSize(1 + 4 + 2);
    }

    @Test
    void percentagesMarkTheFullLineAndEachValue() {
        String svg = SvgChart.percentages("Use", List.of("Dr A", "Room 1"), List.of(45, 120));
        assertThat(svg).contains("Dr A: 45%. Room 1: 120%.", ">100%<", ">45%<", ">120%<");
    }

    @Test
    void theAxisEndsAtARoundNumber() {
        assertThat(SvgChart.niceCeiling(0)).isEqualTo(4);
        assertThat(SvgChart.niceCeiling(7)).isEqualTo(10);
        assertThat(SvgChart.niceCeiling(23)).isEqualTo(25);
        assertThat(SvgChart.niceCeiling(41)).isEqualTo(50);
    }
}
