package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tongban 通办: the runnable application. It sits in the root package so that component and mapper scanning
 * cover every module (workflow-engine, integration, office-web).
 */
@SpringBootApplication
public class TongbanApplication {

    public static void main(String[] args) {
        var context = SpringApplication.run(TongbanApplication.class, args);
        // a one-off command (e.g. --tongban.command=audit-verify) ends with its own exit code
        if (java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--tongban.command="))) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
