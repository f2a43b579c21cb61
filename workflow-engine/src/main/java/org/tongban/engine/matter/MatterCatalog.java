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

/** The matter catalogue (事项目录) as the window sees it. */
@Service
@Transactional(readOnly = true)
public class MatterCatalog {

    private final MatterMapper mapper;

    public MatterCatalog(MatterMapper mapper) {
        this.mapper = mapper;
    }

    public List<Matter> matters() {
        Map<String, List<Material>> materials = mapper.findMaterials().stream()
                .collect(Collectors.groupingBy(MaterialRow::matterCode,
                        Collectors.mapping(m -> new Material(m.code(), m.name(), m.keyMaterial()), Collectors.toList())));
        Map<String, List<String>> departments = group(mapper.findMatterDepartments());
        return mapper.findMatters().stream()
                .map(m -> new Matter(m.code(), m.name(), m.promisedDays(), m.statutoryDays(), m.leaderRequired(),
                        m.description(), materials.getOrDefault(m.code(), List.of()),
                        departments.getOrDefault(m.code(), List.of())))
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
        Map<String, List<String>> items = group(mapper.findBundleItems());
        return mapper.findBundles().stream()
                .map(b -> new MatterBundle(b.code(), b.name(), b.description(), items.getOrDefault(b.code(), List.of())))
                .toList();
    }

    public Optional<MatterBundle> bundle(String code) {
        return bundles().stream().filter(b -> b.code().equals(code)).findFirst();
    }

    private static Map<String, List<String>> group(List<CodePair> pairs) {
        return pairs.stream().collect(Collectors.groupingBy(CodePair::owner,
                Collectors.mapping(CodePair::item, Collectors.toList())));
    }
}
