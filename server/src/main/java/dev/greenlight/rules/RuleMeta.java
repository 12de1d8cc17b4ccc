package dev.greenlight.rules;

/** A rule's metadata as a value, read from its {@link RuleInfo}. */
public record RuleMeta(String code, String name, String summary, Severity severity, FixAvailability fix) {

    public static RuleMeta of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleMeta(info.code(), info.name(), info.summary(), info.severity(), info.fix());
    }

    /** Where the rule's page is published: what {@code codeDescription} and JSON {@code url} link to. */
    public String url() {
        return RuleDocs.url(this);
    }
}
