package app.thaw.caseaccess;

/** A booking the clinical safety gates do not allow yet; carries what must happen first and where. */
public class SafetyGateRefused extends RuntimeException {

    private final GateRefusal refusal;

    public SafetyGateRefused(GateRefusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public GateRefusal refusal() {
        return refusal;
    }
}
