package org.tongban.engine.matter;

import java.util.List;

/**
 * 事项: a catalogued service. {@code promisedDays} (承诺时限) and {@code statutoryDays} (法定时限) are working
 * days; {@code departments} are those that may take part (the dispatch table picks among them).
 */
public record Matter(String code, String name, int promisedDays, int statutoryDays, boolean leaderRequired,
                     String description, List<Material> materials, List<String> departments) {

    public Matter {
        materials = List.copyOf(materials);
        departments = List.copyOf(departments);
    }
}
