package dev.greenlight.rules;

/** Whether a rule's diagnostics come with a fix, for its documentation and SARIF. */
public enum FixAvailability {
    NONE("No fix is available."),
    SOMETIMES("A fix is sometimes available."),
    ALWAYS("A fix is always available.");

    private final String sentence;

    FixAvailability(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}
