package org.tongban.engine.matter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.engine.matter.persistence.CodePair;
import org.tongban.engine.matter.persistence.MaterialRow;
import org.tongban.engine.matter.persistence.MatterMapper;

/**
 * The matter catalogue (事项目录) as the window sees it. The catalogue is small and changes rarely, and every case
 * step reads it, so it is held in memory and reloaded after a change ({@link #invalidate()}).
 */
@Service
@Transactional(readOnly = true)
public class MatterCatalog {

    private final MatterMapper mapper;
    private volatile Snapshot snapshot;

    public MatterCatalog(MatterMapper mapper) {
        this.mapper = mapper;
    }

    /** Drops the cached catalogue; the next read loads it again. Call after changing the catalogue tables. */
    public void invalidate() {
        snapshot = null;
    }

    public List<Matter> matters() {
        return snapshot().matters();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            current = new Snapshot(load(), loadBundles());
            snapshot = current;
        }
        return current;
    }

    private List<Matter> load() {
        Map<String, List<Material>> materials = mapper.findMaterials().stream()
                .collect(Collectors.groupingBy(MaterialRow::matterCode,
                        Collectors.mapping(m -> new Material(m.code(), m.name(), m.keyMaterial()), Collectors.toList())));
        Map<String, List<String>> departments = group(mapper.findMatterDepartments());
        return mapper.findMatters().stream()
                .map(m -> new Matter(m.code(), m.name(), m.promisedDays(), m.statutoryDays(), m.leaderRequired(),
                        m.description(), materials.getOrDefault(m.code(), List.of()),
                        departments.getOrDefault(m.code(), List.of()),
                        PendingMaterialsExpiry.valueOf(m.pendingMaterialsExpiry()), m.pendingMaterialsDays()))
                .toList();
    }

    public Optional<Matter> matter(String code) {
        return matters().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** Matters by code for the given codes; unknown codes are absent from the map. */
    public Map<String, Matter> mattersByCode() {
        return matters().stream().collect(Collectors.toMap(Matter::code, m -> m));
    }

    public List<MatterBundle> bundles() {
        return snapshot().bundles();
    }

    private List<MatterBundle> loadBundles() {
        Map<String, List<String>> items = group(mapper.findBundleItems());
        return mapper.findBundles().stream()
                .map(b -> new MatterBundle(b.code(), b.name(), b.description(), items.getOrDefault(b.code(), List.of())))
                .toList();
    }

    public Optional<MatterBundle> bundle(String code) {
        return bundles().stream().filter(b -> b.code().equals(code)).findFirst();
    }

    private record Snapshot(List<Matter> matters, List<MatterBundle> bundles) {
    }

    private static Map<String, List<String>> group(List<CodePair> pairs) {
        return pairs.stream().collect(Collectors.groupingBy(CodePair::owner,
                Collectors.mapping(CodePair::item, Collectors.toList())));
    }
}
