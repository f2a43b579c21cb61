package org.tongban.engine.matter.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.matter.MatterCatalog;
import org.tongban.engine.matter.PendingMaterialsExpiry;
import org.tongban.engine.matter.persistence.BundleRow;
import org.tongban.engine.matter.persistence.MaterialRow;
import org.tongban.engine.matter.persistence.MatterMapper;
import org.tongban.engine.matter.persistence.MatterRow;
import org.tongban.engine.platform.DemoSeedStep;

/** Seeds the demo matter catalogue (after the demo city, whose departments it names). */
@Component
@Order(2)
@ConditionalOnProperty(name = "tongban.demo.seed", havingValue = "true")
class MatterCatalogueSeeder implements DemoSeedStep {

    private final MatterMapper mapper;
    private final ObjectMapper objectMapper;
    private final MatterCatalog catalog;

    MatterCatalogueSeeder(MatterMapper mapper, ObjectMapper objectMapper, MatterCatalog catalog) {
        this.mapper = mapper;
        this.objectMapper = objectMapper;
        this.catalog = catalog;
    }

    @Override
    @Transactional
    public void seed() {
        if (mapper.countMatters() > 0) {
            return;
        }
        Catalogue catalogue = read();
        for (Catalogue.MatterEntry m : catalogue.matters()) {
            mapper.insertMatter(new MatterRow(m.code(), m.name(), m.promisedDays(), m.statutoryDays(),
                    m.leaderRequired(), m.description(),
                    (m.pendingMaterialsExpiry() == null ? PendingMaterialsExpiry.ESCALATE : m.pendingMaterialsExpiry()).name(),
                    m.pendingMaterialsDays()));
            for (int i = 0; i < m.materials().size(); i++) {
                Catalogue.MaterialEntry material = m.materials().get(i);
                mapper.insertMaterial(new MaterialRow(m.code(), material.code(), material.name(), material.key(), i));
            }
            m.departments().forEach(d -> mapper.insertMatterDepartment(m.code(), d));
        }
        for (Catalogue.BundleEntry b : catalogue.bundles()) {
            mapper.insertBundle(new BundleRow(b.code(), b.name(), b.description()));
            for (int i = 0; i < b.matters().size(); i++) {
                mapper.insertBundleItem(b.code(), b.matters().get(i), i);
            }
        }
        catalog.invalidate();
    }

    private Catalogue read() {
        try (InputStream in = new ClassPathResource("demo/matter-catalogue.json").getInputStream()) {
            return objectMapper.readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new IllegalStateException("demo/matter-catalogue.json is unreadable", e);
        }
    }

    record Catalogue(List<MatterEntry> matters, List<BundleEntry> bundles) {
        record MatterEntry(String code, String name, int promisedDays, int statutoryDays, boolean leaderRequired,
                           String description, List<MaterialEntry> materials, List<String> departments,
                           PendingMaterialsExpiry pendingMaterialsExpiry, Integer pendingMaterialsDays) {
        }

        record MaterialEntry(String code, String name, boolean key) {
        }

        record BundleEntry(String code, String name, String description, List<String> matters) {
        }
    }
}
