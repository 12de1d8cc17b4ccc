package dev.greenlight.cli;

import dev.greenlight.rules.RuleDocs;
import dev.greenlight.rules.RuleMeta;
import dev.greenlight.rules.Rules;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rule", description = "Print a rule's documentation, or list every rule with --all.")
final class RuleCommand extends CliCommand {

    @Parameters(arity = "0..1", paramLabel = "CODE", description = "A rule code (GL006) or name (await-outside-async).")
    String code;

    @Option(names = "--all", description = "List every rule: code, name, summary.")
    boolean all;

    @Override
    public Integer call() {
        if (all) {
            List<RuleMeta> rules = Rules.metas();
            int nameWidth = rules.stream().mapToInt(rule -> rule.name().length()).max().orElse(10);
            for (RuleMeta rule : rules) {
                cli.out().println(String.format("%s  %-" + nameWidth + "s  %s", rule.code(), rule.name(), rule.summary()));
            }
            return Main.EXIT_CLEAN;
        }
        if (code == null) {
            cli.error("give a rule code (greenlight rule GL006) or --all");
            return Main.EXIT_ERROR;
        }
        Optional<RuleMeta> rule = Rules.find(code);
        if (rule.isEmpty()) {
            cli.error("unknown rule `" + code + "` (greenlight rule --all lists them)");
            return Main.EXIT_ERROR;
        }
        cli.out().print(RuleDocs.render(rule.get()));
        return Main.EXIT_CLEAN;
    }
}
