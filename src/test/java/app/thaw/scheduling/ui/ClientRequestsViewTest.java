package app.thaw.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import com.vaadin.flow.internal.nodefeature.ElementData;
import com.vaadin.flow.component.grid.Grid;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import app.thaw.base.ids.AppointmentId;
import app.thaw.intake.ClientStatusService;
import app.thaw.intake.IntakeService;
import app.thaw.scheduling.BookingRequest;
import app.thaw.scheduling.BookingResult;
import app.thaw.scheduling.ClientChangeRequest;
import app.thaw.scheduling.SessionFormat;

class ClientRequestsViewTest extends DiaryViewTest {

    @Autowired
    IntakeService intake;

    @Autowired

    ClientStatusService clientStatus;

    @Test
    @WithUserDetails("amira")
    void aClientsRequestOpensInTheDiaryAndCanBeMarkedHandled() {
        var client = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 2);
        var result = scheduling.book(new BookingRequest(client.id(), null, data.idOf("amira"), setup.types().stream()
                .filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id(), SessionFormat.ONLINE,
                null, DiaryTestData.uk(monday.plusDays(1).atTime(18, 0)), null));
        long sessionId = ((BookingResult.Booked) result).session().id();
        String message = "Could we move to Thursday? " + DiaryTestData.uniqueWord();
        data.asClient(() -> clientStatus.requestAppointmentChange(client.receipt().statusToken(),
                AppointmentId.of(sessionId), false, message));

        navigate(ClientRequestsView.class);
        assertThat(asks(row(message))).isEqualTo("Rearrange");

        test(action(row(message), "Mark handled")).click();
        assertThat(rows()).noneMatch(r -> message.equals(r.message()));

        data.asClient(() -> clientStatus.requestAppointmentChange(client.receipt().statusToken(),
                AppointmentId.of(sessionId), false,
                message + " again"));
        navigate(ClientRequestsView.class);
        test(action(row(message + " again"), "Open in diary")).click();

        assertThat(getCurrentView()).isInstanceOf(CalendarView.class);
        var dialog = find(SessionDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        // and back from the session to the requests, one click
        var note = find(com.vaadin.flow.component.html.Paragraph.class, dialog).withClassName("session-change-note")
                .single();
        assertThat(note.getElement().getTextRecursively())
                .isEqualTo("The client asked to change this session: see Client requests.");
        assertThat(find(com.vaadin.flow.component.html.Anchor.class, note).single().getHref())
                .isEqualTo("staff/requests");
        assertThat(find(SessionBlock.class).withCondition(b -> b.session().id() == sessionId).single()
                .hasClassName("session-block")).isTrue();
        assertThat(CalendarViewTest.textOf(find(SessionBlock.class)
                .withCondition(b -> b.session().id() == sessionId).single())).contains("Change requested");
    }

    @Test
    @WithUserDetails("admin")
    void thePracticeManagerSeesWhatWasAskedAndWhenButNotTheClientsWords() {
        var client = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 3);
        long sessionId = data.as("admin", () -> ((BookingResult.Booked) scheduling.book(new BookingRequest(
                client.id(), null, data.idOf("grace"), setup.types().stream()
                        .filter(t -> t.code().equals("INDIVIDUAL")).findFirst().orElseThrow().id(),
                SessionFormat.ONLINE, null, DiaryTestData.uk(monday.plusDays(2).atTime(17, 0)), null))).session()
                .id());
        String words = "Struggling after my mother's diagnosis " + DiaryTestData.uniqueWord();
        data.asClient(() -> clientStatus.requestAppointmentChange(client.receipt().statusToken(),
                AppointmentId.of(sessionId), false, words));

        navigate(ClientRequestsView.class);

        int row = IntStream.range(0, test(grid()).size())
                .filter(i -> test(grid()).getRow(i).session().id() == sessionId).findFirst().orElseThrow();
        assertThat(asks(row)).isEqualTo("Rearrange");
        assertThat(test(grid()).getCellText(row, 3)).isEqualTo("Message for the therapist only");
        assertThat(rows()).noneMatch(r -> words.equals(r.message()));
    }

    @Test
    @WithUserDetails("amira")
    void onAPhoneEachRequestIsOneCardWithItsButtonsUnderIt() {
        var client = data.individual();
        LocalDate monday = DiaryTestData.futureMonday(clock, 4);
        long sessionId = ((BookingResult.Booked) scheduling.book(new BookingRequest(client.id(), null,
                data.idOf("amira"), setup.types().stream().filter(t -> t.code().equals("INDIVIDUAL")).findFirst()
                        .orElseThrow().id(), SessionFormat.ONLINE, null,
                DiaryTestData.uk(monday.plusDays(3).atTime(17, 0)), null))).session().id();
        String message = "Working late that week, " + DiaryTestData.uniqueWord();
        data.asClient(() -> clientStatus.requestAppointmentChange(client.receipt().statusToken(),
                AppointmentId.of(sessionId), false, message));
        var view = navigate(ClientRequestsView.class);

        view.fitTo(390);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Requests");
        int row = row(message);
        var card = test(grid()).getCellComponent(row, 0);
        assertThat(card.getElement().getTextRecursively()).startsWith("Rearrange · received ")
                .contains(message).contains("Open in diary").contains("Mark handled");

        view.fitTo(1280);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getHeaderText))
                .containsExactly("Received", "Asks to", "Session", "Message");
        assertThat(test(grid()).getCellComponent(row, 1).getElement().getTextRecursively())
                .as("the buttons under what it asks").startsWith("Rearrange").contains("Open in diary", "Mark handled");
        view.fitTo(390);
        assertThat(grid().getColumns()).as("the card column made once").hasSize(5);
        // the hidden column makes no second set of the request's buttons for the session to hold
        assertThat(inCells("request-card", null)).isPositive();
        assertThat(inCells(null, "Mark handled")).as("'Mark handled' buttons made, one a card")
                .isEqualTo(inCells("request-card", null));

        test(find(Button.class, test(grid()).getCellComponent(row, 0)).withText("Mark handled").single()).click();
        assertThat(rows()).noneMatch(r -> message.equals(r.message()));
    }

    /**
     * Elements in the grid's cells, shown or not (a hidden column's cells are made all the same): those of this class,
     * or buttons with this text.
     */
    private int inCells(@Nullable String className, @Nullable String buttonText) {
        var found = new AtomicInteger();
        grid().getElement().getChildren().filter(child -> child.getTag().startsWith("vaadin-grid-column"))
                .forEach(column -> count(column.getNode(), className, buttonText, found));
        return found.get();
    }

    private static void count(StateNode node, @Nullable String className, @Nullable String buttonText,
                              AtomicInteger found) {
        if (node.hasFeature(ElementData.class)) {
            Element element = Element.get(node);
            if (className != null ? element.getClassList().contains(className)
                    : "vaadin-button".equals(element.getTag()) && buttonText.equals(element.getTextRecursively())) {
                found.incrementAndGet();
            }
        }
        node.forEachChild(child -> count(child, className, buttonText, found));
    }

    @SuppressWarnings("unchecked")
    private Grid<ClientChangeRequest> grid() {
        return find(Grid.class).single();
    }

    /** The open requests shown; the grid is hidden (and an empty-state line shown) when there are none. */
    private java.util.List<ClientChangeRequest> rows() {
        if (!find(Grid.class).exists()) {
            return java.util.List.of();
        }
        var grid = grid();
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i)).toList();
    }

    /** What the request asks, above its buttons in the same cell. */
    private String asks(int row) {
        return test(grid()).getCellComponent(row, 1).getElement().getChild(0).getText();
    }

    private Button action(int row, String text) {
        return find(Button.class, test(grid()).getCellComponent(row, 1)).withText(text).single();
    }

    private int row(String message) {
        var rows = rows();
        return IntStream.range(0, rows.size()).filter(i -> message.equals(rows.get(i).message())).findFirst()
                .orElseThrow();
    }
}
