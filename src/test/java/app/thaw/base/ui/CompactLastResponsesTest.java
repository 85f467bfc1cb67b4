package app.thaw.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

import org.junit.jupiter.api.Test;

class CompactLastResponsesTest {

    @Test
    void aLongAnswerIsKeptDeflatedAndComesBackExactlyWhateverItsCharacters() {
        var ui = new UI();
        String answer = "{\"changes\":[" + "{\"node\":12,\"key\":\"text\",\"value\":\"Wałęsa, Nguyễn “quoted”\"},"
                .repeat(400) + "],\"syncId\":3}";
        ui.getInternals().setLastRequestResponse(answer);

        CompactLastResponses.compact(ui);
        var kept = ComponentUtil.getData(ui, CompactLastResponses.Deflated.class);
        assertThat(kept).isNotNull();
        assertThat(kept.size()).isLessThan(answer.length() / 10);
        assertThat(ui.getInternals().getLastRequestResponse()).isEmpty();

        CompactLastResponses.restore(ui);
        assertThat(ui.getInternals().getLastRequestResponse()).isEqualTo(answer);
        assertThat(ComponentUtil.getData(ui, CompactLastResponses.Deflated.class)).isNull();
    }

    @Test
    void aShortAnswerStaysAsItIs() {
        var ui = new UI();
        ui.getInternals().setLastRequestResponse("{\"syncId\":4}");
        CompactLastResponses.compact(ui);
        assertThat(ui.getInternals().getLastRequestResponse()).isEqualTo("{\"syncId\":4}");
        CompactLastResponses.restore(ui);
        assertThat(ui.getInternals().getLastRequestResponse()).isEqualTo("{\"syncId\":4}");
    }
}
