package org.tongban.engine.directory.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.directory.Agency;
import org.tongban.engine.directory.AgencyLevel;
import org.tongban.engine.directory.Department;
import org.tongban.engine.directory.DirectoryService;
import org.tongban.engine.directory.persistence.DirectoryMapper;
import org.tongban.engine.directory.persistence.PositionRow;
import org.tongban.engine.directory.persistence.UserRow;
import org.tongban.engine.platform.DemoSeedStep;

/**
 * Seeds the demo city (agencies, departments, people) into an empty directory. On only when
 * {@code tongban.demo.seed=true}: the embedded default and the tests, never production by accident.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "tongban.demo.seed", havingValue = "true")
class DemoCitySeeder implements DemoSeedStep {

    private static final Logger log = LoggerFactory.getLogger(DemoCitySeeder.class);

    private final DirectoryMapper mapper;
    private final DirectoryService directory;
    private final PasswordEncoder passwordEncoder;
    private final ObjectMapper objectMapper;
    private final String demoPassword;

    DemoCitySeeder(DirectoryMapper mapper, DirectoryService directory, PasswordEncoder passwordEncoder,
                   ObjectMapper objectMapper,
                   @Value("${tongban.demo.password}") String demoPassword) {
        this.mapper = mapper;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.objectMapper = objectMapper;
        this.demoPassword = demoPassword;
    }

    @Override
    @Transactional
    public void seed() {
        if (mapper.countUsers() > 0) {
            return;
        }
        DemoCity city = read();
        city.agencies().forEach(a -> mapper.insertAgency(
                new Agency(a.code(), a.name(), a.shortName(), AgencyLevel.valueOf(a.level()), a.parent())));
        city.agencies().forEach(a -> a.departments().forEach(d ->
                mapper.insertDepartment(new Department(d.code(), a.code(), d.name()))));
        // one hash for all demo users: BCrypt is slow on purpose, and start-up should not pay it 30 times
        String hash = passwordEncoder.encode(demoPassword);
        Instant now = Instant.now();
        for (DemoCity.User u : city.users()) {
            mapper.insertUser(new UserRow(u.username(), u.name(), hash, u.phone(), u.username() + "@demo.tongban.org",
                    true, now));
            for (String position : u.positions()) {
                String[] parts = position.split(":");
                mapper.insertPosition(new PositionRow(u.username(), parts[0], parts[1]));
            }
        }
        directory.invalidate();
        log.info("Seeded the demo city: {} agencies, {} people", city.agencies().size(), city.users().size());
    }

    private DemoCity read() {
        try (InputStream in = new ClassPathResource("demo/demo-city.json").getInputStream()) {
            return objectMapper.readValue(in, DemoCity.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo/demo-city.json is unreadable", e);
        }
    }

    record DemoCity(List<AgencyEntry> agencies, List<User> users) {
        record AgencyEntry(String code, String name, String shortName, String level, String parent,
                           List<DepartmentEntry> departments) {
        }

        record DepartmentEntry(String code, String name) {
        }

        /** {@code positions} are {@code DEPARTMENT:role}. */
        record User(String username, String name, String phone, List<String> positions) {
        }
    }
}
