package org.tongban.office.audit;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tongban.engine.audit.AuditTrail;
import org.tongban.engine.audit.AuditVerification;
import org.tongban.engine.directory.Actor;
import org.tongban.engine.directory.Position;
import org.tongban.engine.directory.Role;

/**
 * {@code bin/audit-verify}: checks the audit chain from the command line and exits 0 when intact, 1 when not,
 * naming the first broken record. Runs only with {@code --tongban.command=audit-verify}.
 */
@Component
@ConditionalOnProperty(name = "tongban.command", havingValue = "audit-verify")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    /** The command acts as the platform's own auditor. */
    private static final Actor COMMAND = new Actor("system", "审计校验命令", List.of(new Position("SYSTEM", Role.AUDITOR)));

    private final AuditTrail trail;
    private int exitCode;

    AuditVerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification result = trail.verify(COMMAND);
        if (result.ok()) {
            System.out.println("Audit chain intact: " + result.checked() + " records checked.");
        } else {
            System.out.println("Audit chain BROKEN at record " + result.firstBrokenId() + ": " + result.reason()
                    + " (" + result.checked() + " records intact before it)");
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
