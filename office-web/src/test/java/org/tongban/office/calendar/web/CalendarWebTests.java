package org.tongban.office.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.engine.testsupport.TestUsers.ADMIN;
import static org.tongban.engine.testsupport.TestUsers.WINDOW_CLERK;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.tongban.office.testsupport.Api;

/** The official calendar over HTTP: everyone reads, admins keep it (2028 here, which no other test uses). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarWebTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void removeEntriesOf2028() {
        for (var day : api.get(ADMIN, "/api/calendar/2028").body()) {
            api.call(HttpMethod.DELETE, "/api/calendar/days/" + day.path("day").asText(), api.token(ADMIN), null);
        }
    }

    @Test
    void everyoneReadsTheSeededYearsAndOnlyAdminsChangeThem() {
        Api.Response year = api.get(WINDOW_CLERK, "/api/calendar/2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.body().toString()).contains("\"day\":\"2026-10-10\",\"type\":\"WORKDAY\"");

        assertThat(api.call(HttpMethod.PUT, "/api/calendar/days/2028-01-01", api.token(WINDOW_CLERK),
                Map.of("type", "HOLIDAY", "name", "元旦")).status()).isEqualTo(403);
        Api.Response put = api.call(HttpMethod.PUT, "/api/calendar/days/2028-01-01", api.token(ADMIN),
                Map.of("type", "HOLIDAY", "name", "元旦"));
        assertThat(put.status()).isEqualTo(200);
        Api.Response weekdayWorkday = api.call(HttpMethod.PUT, "/api/calendar/days/2028-01-05", api.token(ADMIN),
                Map.of("type", "WORKDAY"));
        assertThat(weekdayWorkday.status()).isEqualTo(400);
        assertThat(weekdayWorkday.body().path("errors").path("dayType").asText()).contains("周六或周日");

        Api.Response imported = api.postText(ADMIN, "/api/calendar/import", MediaType.parseMediaType("text/csv"),
                "日期,类型,名称\n2028-01-26,HOLIDAY,春节\n2028-01-29,WORKDAY,春节调休上班\n");
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).hasSize(2);
        Api.Response bad = api.postText(ADMIN, "/api/calendar/import", MediaType.parseMediaType("text/csv"),
                "2028-02-01,HOLIDAY\n2028-13-01,HOLIDAY\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").has("line 2")).isTrue();
        assertThat(api.get(WINDOW_CLERK, "/api/calendar/2028").body()).extracting(d -> d.path("day").asText())
                .containsExactly("2028-01-01", "2028-01-26", "2028-01-29");
    }
}
