package org.tongban.engine.platform.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On MySQL/MariaDB, creates Camunda's own tables before the engine starts, from the create scripts inside the
 * camunda-engine jar with the character set switched to utf8mb4. Camunda's scripts hard-code 3-byte
 * {@code utf8}, which cannot store characters outside the BMP (生僻字 such as 𠮷 in people's names), and
 * converting the tables afterwards fails on their foreign keys. On other databases (H2) the engine creates its
 * schema itself and this migration does nothing.
 */
public class V1__camunda_engine_schema extends BaseJavaMigration {

    private static final List<String> SCRIPTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("mysql") && !product.contains("mariadb")) {
            return;
        }
        if (camundaTablesExist(connection)) {
            // a database Camunda created before Flyway came: keep its tables as they are
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String script : SCRIPTS) {
                for (String sql : statements(read("org/camunda/bpm/engine/db/create/activiti.mysql.create." + script + ".sql"))) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static boolean camundaTablesExist(Connection connection) throws Exception {
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "ACT_GE_PROPERTY", null)) {
            return tables.next();
        }
    }

    static String utf8mb4(String sql) {
        return sql.replace("utf8_bin", "utf8mb4_bin").replaceAll("(?i)CHARSET=utf8(?!mb4)", "CHARSET=utf8mb4");
    }

    /** The statements of a script: comments dropped, split at the semicolons that end a line. */
    static List<String> statements(String script) {
        StringBuilder body = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(utf8mb4(body.toString()).split(";\\s*\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V1__camunda_engine_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda script missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
